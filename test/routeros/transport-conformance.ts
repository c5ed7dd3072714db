/**
 * The conformance suite every RouterOS transport must pass against the lab
 * router: the protocol's awkward corners, not the happy path alone.
 */
import { RouterOsAuthError, RouterOsConnectionError, RouterOsTimeoutError, RouterOsTrapError, type RouterOsTransport } from "@communes/routeros";
import { startLabRouter, type LabRouter, type LabRouterOptions } from "@communes/lab";
import { afterEach, describe, expect, it } from "vitest";

export interface TransportUnderTest {
  /** Whether the transport speaks TLS (then `router` serves TLS). */
  tls: boolean;
  make(router: LabRouter, overrides?: { password?: string; timeoutMs?: number; fingerprint256?: string }): RouterOsTransport;
  /** Connections the router accepted for this transport. */
  connections(router: LabRouter): number;
  /** Delays every answer. */
  setLatency(router: LabRouter, ms: number): void;
  /** Arranges for the connection to drop in the middle of the next answer. */
  dropDuringNextCommand(router: LabRouter): void;
  /** Delivers answers one byte at a time, where the protocol is a byte stream. */
  fragmentReplies?(router: LabRouter): void;
  /** Runs a raw command where the protocol has one (`/quit`). */
  quit?(transport: RouterOsTransport): Promise<unknown>;
  /** Whether the protocol carries trap categories (the REST API does not). */
  trapCategories: boolean;
  /** How the router words a refused login over this protocol. */
  refusedLogin: RegExp;
}

export function transportConformance(name: string, t: TransportUnderTest): void {
  describe(`${name}: RouterOS transport conformance`, () => {
    const open: Array<{ router: LabRouter; transport?: RouterOsTransport }> = [];
    const start = async (options: LabRouterOptions = {}, overrides?: Parameters<TransportUnderTest["make"]>[1]) => {
      const router = await startLabRouter({ ...options, tls: t.tls });
      const transport = t.make(router, overrides);
      open.push({ router, transport });
      return { router, transport };
    };
    afterEach(async () => {
      for (const { router, transport } of open.splice(0)) {
        await transport?.close().catch(() => undefined);
        await router.close();
      }
    });

    it("prints a menu, with defaults the device fills in", async () => {
      const { transport } = await start();
      const services = await transport.print("/ip/service");
      expect(services.map((s) => s.name)).toContain("api-ssl");
      expect(services.find((s) => s.name === "telnet")).toMatchObject({ port: "23", disabled: "false" });
      expect(services[0]![".id"]).toMatch(/^\*[0-9A-F]+$/);
    });

    it("understands !empty (RouterOS 7.18 and later) and its absence (older)", async () => {
      for (const version of ["7.19.4", "7.16.2"]) {
        const { transport } = await start({ version });
        expect(await transport.print("/ip/route")).toEqual([]);
      }
    });

    if (t.fragmentReplies) it("survives replies delivered one byte at a time, login included", async () => {
      const { router, transport } = await start();
      t.fragmentReplies!(router);
      const id = await transport.add("/ip/pool", { name: "staff", ranges: "10.40.7.20-10.40.7.254" });
      expect(await transport.print("/ip/pool", { where: { ".id": id } })).toEqual([{ ".id": id, name: "staff", ranges: "10.40.7.20-10.40.7.254", "next-pool": "none" }]);
    });

    it("round-trips Vietnamese text as UTF-8", async () => {
      const { transport } = await start();
      await transport.set("/system/identity", undefined, { name: "UBND xã Thiệu Trung" });
      expect(await transport.print("/system/identity")).toEqual([{ name: "UBND xã Thiệu Trung" }]);
    });

    it("reports traps with their message and category", async () => {
      const { transport } = await start();
      const err = await transport.add("/ip/address", { address: "10.40.7.1/24", interface: "vlan-staff" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RouterOsTrapError);
      expect((err as RouterOsTrapError).routerMessage).toBe("input does not match any value of interface");
      expect((err as RouterOsTrapError).category).toBe(t.trapCategories ? 1 : undefined);
      const missing = await transport.remove("/ip/address", "*FFFF").catch((e: unknown) => e);
      expect((missing as RouterOsTrapError).routerMessage).toBe("no such item");
      const twice = await transport.add("/interface/bridge", { name: "bridge" }).then(() => transport.add("/interface/bridge", { name: "bridge" })).catch((e: unknown) => e);
      expect((twice as RouterOsTrapError).routerMessage).toBe("failure: already have interface with such name");
    });

    it("unsets a property as RouterOS does, where an empty value is refused", async () => {
      const { transport } = await start();
      const id = await transport.add("/ip/firewall/filter", { chain: "forward", protocol: "udp", "in-interface": "ether1", comment: "dns" });
      const empty = await transport.set("/ip/firewall/filter", id, { protocol: "" }).catch((e: unknown) => e);
      expect((empty as RouterOsTrapError).routerMessage).toBe("input does not match any value of protocol");
      const emptyInterface = await transport.set("/ip/firewall/filter", id, { "in-interface": "" }).catch((e: unknown) => e);
      expect((emptyInterface as RouterOsTrapError).routerMessage).toBe("ambiguous value of in-interface");
      await transport.unset("/ip/firewall/filter", id, ["protocol", "in-interface"]);
      const [rule] = await transport.print("/ip/firewall/filter", { where: { ".id": id } });
      expect(rule).not.toHaveProperty("protocol");
      expect(rule).not.toHaveProperty("in-interface");
      expect(rule).toMatchObject({ chain: "forward", action: "accept", comment: "dns" });
      // A property with a default goes back to it.
      await transport.set("/ip/firewall/filter", id, { action: "drop" });
      await transport.unset("/ip/firewall/filter", id, ["action"]);
      expect((await transport.print("/ip/firewall/filter", { where: { ".id": id } }))[0]!.action).toBe("accept");
    });

    it("runs concurrent commands on one connection and matches every answer", async () => {
      const { router, transport } = await start();
      t.setLatency(router, 5);
      const names = Array.from({ length: 20 }, (_, i) => `pool-${i}`);
      const ids = await Promise.all(names.map((n, i) => transport.add("/ip/pool", { name: n, ranges: `10.0.${i}.1-10.0.${i}.9` })));
      expect(new Set(ids).size).toBe(20);
      const rows = await Promise.all(ids.map((id) => transport.print("/ip/pool", { where: { ".id": id } })));
      expect(rows.map((r) => r[0]!.name)).toEqual(names);
      expect(t.connections(router)).toBe(1);
    });

    it("fails the commands in flight when the connection drops, and reconnects for the next", async () => {
      const { router, transport } = await start();
      await transport.print("/ip/service");
      t.dropDuringNextCommand(router);
      await expect(transport.print("/ip/service")).rejects.toBeInstanceOf(RouterOsConnectionError);
      expect((await transport.print("/ip/service")).length).toBe(8);
      expect(t.connections(router)).toBe(2);
    });

    if (t.quit) {
      it("turns !fatal into a connection error, and reconnects", async () => {
        const { transport } = await start();
        await expect(t.quit!(transport)).rejects.toThrow(/session terminated on request/);
        expect((await transport.print("/system/identity"))[0]!.name).toBe("MikroTik");
      });
    }

    it("times out a command that gets no answer", async () => {
      const { router, transport } = await start({}, { timeoutMs: 300 });
      t.setLatency(router, 2000);
      await expect(transport.print("/ip/service")).rejects.toBeInstanceOf(RouterOsTimeoutError);
    });

    it("refuses a wrong password with the router's message", async () => {
      const { transport } = await start({}, { password: "wrong" });
      const err = await transport.print("/ip/service").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RouterOsAuthError);
      expect((err as Error).message).toMatch(t.refusedLogin);
    });

    if (t.tls) {
      it("refuses a TLS certificate other than the pinned one", async () => {
        const { transport } = await start({}, { fingerprint256: "00:".repeat(31) + "00" });
        await expect(transport.print("/ip/service")).rejects.toThrow(/is not the pinned/);
      });
    }
  });
}
