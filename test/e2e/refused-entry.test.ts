/**
 * The router refuses an entry in the middle of a commune's first `up`: the
 * error names the router by its host name, the menu, the entry and the
 * router's own words; the state records what the refused menu holds; and a
 * destroy then leaves nothing the stack created on the router
 * (CheckDestroy-style: every list menu back to the factory's entries).
 * The lab refuses the Nth change to one menu: inside the firewall filter,
 * after some of its rules went in, and at the address lists' first entry.
 */
import { describe, expect, it } from "vitest";
import { MENU_TABLES } from "@communes/routeros";
import { RouterOsDevice } from "@communes/lab";
import { useCommuneStack } from "../harness/commune-stack-fixture";

/** The keys of every list menu's entries a person or a stack made (not dynamic, not shipped). */
function madeEntries(device: RouterOsDevice): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const table of MENU_TABLES.filter((t) => t.kind === "list")) {
    const rows = device.execute(`${table.path}/print`, new Map(), []).rows ?? [];
    out[table.path] = rows.filter((r) => r.dynamic !== "true" && r.default !== "true" && r.builtin !== "true").map((r) => table.key.map((k) => r[k] ?? "").join(" ")).sort();
  }
  return out;
}

describe("a router that refuses an entry mid-up, then destroy", { timeout: 300_000 }, () => {
  const fx = useCommuneStack();

  // A refusal inside a menu, after some of its entries went in, and one at a menu's first change.
  const points: Array<[menu: string, nth: number]> = [
    ["/ip/firewall/filter", 5],
    ["/ip/firewall/address-list", 1],
  ];
  for (const [menu, nth] of points) {
    it(`${menu} refused at its change ${nth}: the error says where and what; the state holds what was applied; destroy leaves the factory's entries`, async () => {
      const factory = madeEntries(new RouterOsDevice());
      fx.lab.router.server.setFaults({ trapOnWrite: nth, trapOnWriteTo: menu });
      const failure = await fx.stack.up().then(() => new Error("up succeeded"), (e: unknown) => e as Error);
      const refused = /router thieu-trung-r1 \(127\.\d+\.\d+\.\d+\) (\/[\w/-]+): (adding|changing|removing) entry "([^"]*)": the router refused: \S+: failure: simulated fault injected by the lab \(category 4: general failure\) \(after (\d+) of \d+ changes\)/.exec(failure.message);
      expect(refused, failure.message).not.toBeNull();
      expect(failure.message).not.toMatch(/^\s+at /m);
      expect([refused![1], Number(refused![4])]).toEqual([menu, nth - 1]);

      // The refused menu's state is what the router holds in it now; refused at its first change, it is not recorded and holds nothing of the stack's.
      const recorded = (await fx.stack.resourceOutputs("communes:routeros:Table")).find((t) => t.path === menu);
      const held = madeEntries(fx.lab.router.device)[menu];
      if (nth > 1) expect(Object.keys((recorded?.entries ?? {}) as object).sort()).toEqual(held);
      else expect([recorded, held]).toEqual([undefined, factory[menu]]);

      const destroy = await fx.stack.destroy();
      expect(destroy.changes.delete).toBeGreaterThan(0);
      expect(madeEntries(fx.lab.router.device)).toEqual(factory);
    });
  }
});
