/**
 * The lab router's services as `/ip service` says: a disabled one takes no
 * connection, as on a RouterOS router, whichever client comes (our API and
 * REST clients, an SSH client for `/export`).
 */
import { exportConfiguration, RouterOsApiClient, RouterOsRestClient } from "@communes/routeros";
import { startLabRouter, type LabRouter } from "@communes/lab";
import { afterEach, expect, it } from "vitest";

let router: LabRouter;
afterEach(async () => router?.close());

const setService = (name: string, disabled: boolean) => {
  const id = router.device.execute("/ip/service/print", new Map(), [`?name=${name}`]).rows![0]![".id"]!;
  router.device.execute("/ip/service/set", new Map([[".id", id], ["disabled", String(disabled)]]), []);
};

it("refuses the REST API while www-ssl is disabled, the API while api is, /export while ssh is", async () => {
  router = await startLabRouter();
  const api = () => new RouterOsApiClient({ host: router.host, port: router.port, username: router.username, password: router.password, timeoutMs: 3000 });
  const rest = () => new RouterOsRestClient({ host: router.host, port: router.restPort, username: router.username, password: router.password, tls: { fingerprint256: router.fingerprint256 }, timeoutMs: 3000 });
  const ssh = () => exportConfiguration({ device: "r1", host: router.host, port: router.sshPort, username: router.username, password: router.password, hostKeyFingerprint: router.sshHostKeyFingerprint, timeoutMs: 3000 });

  expect(await rest().print("/system/identity")).toHaveLength(1);
  setService("www-ssl", true);
  await expect(rest().print("/system/identity")).rejects.toThrow();
  setService("www-ssl", false);
  expect(await rest().print("/system/identity")).toHaveLength(1);

  setService("ssh", true);
  await expect(ssh()).rejects.toThrow(/r1: /);
  setService("ssh", false);
  expect(await ssh()).toMatch(/^# .* by RouterOS 7\.19\.4\n/);

  setService("api", true);
  const refused = api();
  await expect(refused.print("/system/identity")).rejects.toThrow(/connection (closed by the router|lost)/);
  await refused.close();
  setService("api", false);
  const client = api();
  expect(await client.print("/system/identity")).toHaveLength(1);
  await client.close();
});
