/** Our RouterOS API client, plain and TLS, against the lab router. */
import { RouterOsApiClient } from "@communes/routeros";
import { describe, expect, it } from "vitest";
import { transportConformance } from "./transport-conformance";

for (const tls of [false, true]) {
  transportConformance(`RouterOsApiClient (${tls ? "api-ssl" : "api"})`, {
    tls,
    make: (router, o) =>
      new RouterOsApiClient({
        host: router.host,
        port: router.port,
        username: router.username,
        password: o?.password ?? router.password,
        ...(o?.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
        ...(tls ? { tls: { fingerprint256: o?.fingerprint256 ?? router.fingerprint256 } } : {}),
      }),
    quit: (transport) => (transport as RouterOsApiClient).command("/quit"),
  });
}

describe("RouterOsApiClient TLS", () => {
  it("never connects over TLS without a pin", async () => {
    const client = new RouterOsApiClient({ host: "127.0.0.1", port: 1, username: "u", password: "p", tls: {} });
    await expect(client.print("/ip/service")).rejects.toThrow(/needs a pinned certificate fingerprint or CA; refusing an unverified connection/);
  });
});
