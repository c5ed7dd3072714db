/**
 * RouterOS menus as Pulumi resources, on the real engine against the lab
 * router over api-ssl: up → no-change preview → one changed value previews
 * as exactly that property → changes made on the device show in refresh →
 * up restores them → destroy removes what was created. Secrets stay secret.
 */
import * as path from "node:path";
import { startLabRouter, type LabRouter } from "@communes/lab";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeCount, TestStack } from "../harness/pulumi-stack";
import { repoRoot } from "../harness/toolchain";

const projectDir = path.join(repoRoot, "test/programs/router-tables");

describe("communes:routeros:Table on the real engine", { timeout: 180_000 }, () => {
  let router: LabRouter;
  let stack: TestStack;
  const print = (menu: string) => router.device.execute(`${menu}/print`, new Map(), []).rows!;

  beforeAll(async () => {
    router = await startLabRouter({ tls: true });
    stack = await TestStack.create({
      projectDir,
      config: {
        port: { value: String(router.port) },
        transport: { value: "api-ssl" },
        username: { value: router.username },
        password: { value: router.password, secret: true },
        tlsFingerprint: { value: router.fingerprint256 },
      },
    });
  }, 60_000);

  afterAll(async () => {
    await stack?.dispose();
    await router?.close();
  }, 120_000);

  it("up configures the router; a second preview shows no changes", async () => {
    router.device.calls.clear();
    const up = await stack.up();
    const upCalls = Object.fromEntries(router.device.calls);
    console.log(up.stdout);
    expect(up.changes).toMatchObject({ create: 7 }); // stack, provider, five tables
    expect(print("/system/identity")[0]!.name).toBe("UBND xã Thiệu Trung");
    expect(print("/interface/vlan").map((v) => v.name).sort()).toEqual(["vlan-meeting", "vlan-staff"]);
    expect(print("/ip/firewall/filter").map((r) => r.comment)).toEqual(["communes: established", "communes: staff out", "communes: drop the rest"]);
    console.log(`API calls for up: ${JSON.stringify(upCalls)}`);
    // One print per menu, then only the writes needed.
    expect(Object.entries(upCalls).filter(([c]) => c.endsWith("/print")).every(([, n]) => n === 1)).toBe(true);
    expect(upCalls["/ip/firewall/filter/add"]).toBe(3);

    router.device.calls.clear();
    const preview = await stack.preview();
    expect(changeCount(preview)).toBe(0);
    expect(router.device.calls.size).toBe(0); // a preview does not touch the device
  });

  it("a changed value previews as exactly that property", async () => {
    await stack.setConfig({ commune: { value: "Thiệu Toán" } });
    const preview = await stack.preview();
    const changed = preview.steps.filter((s) => s.op !== "same");
    expect(changed.map((s) => [s.urn.split("::").pop(), s.op, Object.keys(s.detailedDiff)])).toEqual([["identity", "update", ['entries.settings.name']]]);
    expect(preview.stdout).toContain("UBND xã Thiệu Toán");
    await stack.up();
    expect(print("/system/identity")[0]!.name).toBe("UBND xã Thiệu Toán");
  });

  it("a matcher removed from the inventory previews as that property and is unset on the router", async () => {
    await stack.setConfig({ staffFrom: { value: "any" } });
    const preview = await stack.preview();
    const changed = preview.steps.filter((s) => s.op !== "same");
    expect(changed.map((s) => [s.urn.split("::").pop(), s.op])).toEqual([["filter", "update"]]);
    expect(Object.keys(changed[0]!.detailedDiff).some((p) => p.endsWith("in-interface"))).toBe(true);
    router.device.calls.clear();
    await stack.up();
    expect(router.device.calls.get("/ip/firewall/filter/set")).toBe(1);
    const staff = print("/ip/firewall/filter").find((r) => r.comment === "communes: staff out")!;
    expect(staff).not.toHaveProperty("in-interface");
    expect(changeCount(await stack.preview())).toBe(0);
    await stack.setConfig({ staffFrom: { value: "vlan-staff" } });
    await stack.up();
    expect(print("/ip/firewall/filter").find((r) => r.comment === "communes: staff out")!["in-interface"]).toBe("vlan-staff");
  });

  it("refresh finds changes made on the device, and up reverts them", async () => {
    const address = print("/ip/address").find((a) => a.address === "10.40.7.1/24")!;
    router.device.execute("/ip/address/set", new Map([[".id", address[".id"]!], ["comment", "changed by hand"]]), []);
    router.device.execute("/ip/firewall/filter/add", new Map([["chain", "forward"], ["comment", "rule added by hand"], ["place-before", print("/ip/firewall/filter")[0]![".id"]!]]), []);
    router.device.calls.clear();
    const refresh = await stack.refresh();
    console.log(refresh.stdout);
    console.log(`API calls for refresh: ${JSON.stringify(Object.fromEntries(router.device.calls))}`);
    expect([...router.device.calls.values()].every((n) => n === 1)).toBe(true); // one print per menu
    const drifted = refresh.outcomes.filter((s) => s.op === "update").map((s) => s.urn.split("::").pop()).sort();
    expect(drifted).toEqual(["addresses", "filter"]);

    const preview = await stack.preview();
    const diffs = Object.fromEntries(preview.steps.filter((s) => s.op === "update").map((s) => [s.urn.split("::").pop(), Object.keys(s.detailedDiff).sort()]));
    expect(diffs).toEqual({
      addresses: ['entries["10.40.7.1/24 vlan-staff"].comment'],
      filter: ['entries["rule added by hand"]', "order[0]", "order[1]", "order[2]", "order[3]"],
    });

    await stack.up();
    expect(print("/ip/address").find((a) => a.address === "10.40.7.1/24")!.comment).toBeUndefined();
    expect(print("/ip/firewall/filter").map((r) => r.comment)).toEqual(["communes: established", "communes: staff out", "communes: drop the rest"]);
    expect(changeCount(await stack.preview())).toBe(0);
  });

  it("with no guard, an up that limits the API to the wrong prefix locks the stack out of the router", async () => {
    await stack.setConfig({ apiFrom: { value: "10.99.0.0/24" } });
    await stack.up(); // the session that applies it is already open: RouterOS checks the list at the next connection
    expect(print("/ip/service").find((s) => s.name === "api-ssl")!.address).toBe("10.99.0.0/24");
    const refresh = await stack.refresh().then(() => undefined, (e: unknown) => e as Error);
    expect(refresh?.message).toMatch(/connection (closed by the router|lost)|ECONNRESET|socket hang up|could not read the menu/);
    expect(router.device.lastRefusal).toBe("127.0.0.1 is not in api-ssl's address list (10.99.0.0/24)");
    // Someone on site, at the console, puts it back; the stack then forgets the services table.
    const apiSsl = print("/ip/service").find((s) => s.name === "api-ssl")!;
    router.device.execute("/ip/service/set", new Map([[".id", apiSsl[".id"]!], ["address", ""]]), []);
    await stack.setConfig({ apiFrom: { value: "" } });
    await stack.up();
    expect(changeCount(await stack.preview())).toBe(0);
  });

  it("keeps the password out of outputs, logs and the state in plain text", async () => {
    const state = await stack.storedState();
    expect(state).toContain("pulumi:providers:communes"); // the state is there…
    expect(state).not.toContain(router.password); // …without the password in clear
    const up = await stack.up();
    expect(up.stdout).not.toContain(router.password);
  });

  it("imports a menu configured by hand, reading it as it is", async () => {
    router.device.execute("/ip/pool/add", new Map([["name", "by-hand"], ["ranges", "10.9.0.10-10.9.0.20"]]), []);
    const providerUrn = (await stack.stack.exportStack()).deployment.resources.find((r: { type: string }) => r.type === "pulumi:providers:communes").urn as string;
    const result = await stack.stack.import({
      nameTable: { router: providerUrn },
      resources: [{ type: "communes:routeros:Table", name: "pools", id: "/ip/pool", provider: "router" }],
      generateCode: false,
    });
    expect(result.summary.result).toBe("succeeded");
    const state = await stack.stack.exportStack();
    const pools = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::pools"));
    expect(pools.outputs.entries).toEqual({ "by-hand": { name: "by-hand", ranges: "10.9.0.10-10.9.0.20" } });
    // The program does not declare it: the next up would delete it; take it out of the stack instead.
    state.deployment.resources = state.deployment.resources.filter((r: { urn: string }) => r.urn !== pools.urn);
    await stack.stack.importStack(state);
  });

  it("destroy removes the entries it created and leaves the identity", async () => {
    await stack.destroy();
    expect(print("/interface/vlan")).toEqual([]);
    expect(print("/ip/address")).toEqual([]);
    expect(print("/ip/firewall/filter")).toEqual([]);
    expect(print("/interface/bridge")).toEqual([]);
    expect(print("/system/identity")[0]!.name).toBe("UBND xã Thiệu Toán");
    expect(stack.egress.attempts).toEqual([]);
  });
});

describe("a connection dropped in the middle of up", { timeout: 180_000 }, () => {
  it("fails that up, and the next up converges with no duplicates", async () => {
    const router = await startLabRouter();
    const stack = await TestStack.create({
      projectDir,
      config: {
        port: { value: String(router.port) },
        transport: { value: "api" },
        username: { value: router.username },
        password: { value: router.password, secret: true },
      },
    });
    try {
      router.server.setFaults({ dropOnCommand: 5 });
      await expect(stack.up()).rejects.toThrow(/connection closed by the router|run up again/);
      router.server.setFaults({});
      await stack.up();
      const vlans = router.device.execute("/interface/vlan/print", new Map(), []).rows!;
      expect(vlans.map((v) => v.name).sort()).toEqual(["vlan-meeting", "vlan-staff"]);
      expect(router.device.execute("/ip/firewall/filter/print", new Map(), []).rows!.length).toBe(3);
      expect(changeCount(await stack.preview())).toBe(0);
    } finally {
      await stack.dispose();
      await router.close();
    }
  });
});
