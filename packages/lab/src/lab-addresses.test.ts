/** Where the lab puts a commune's devices: the loopback images of their planned addresses, stable and distinct. */
import * as path from "node:path";
import { discover, formatAddress, loadInventory } from "@communes/inventory";
import { describe, expect, it } from "vitest";
import { loopbackImage, plannedLabAddresses } from "./lab-addresses";

const province = path.resolve(__dirname, "../../../examples/thanh-hoa");

describe("lab addresses", () => {
  it("maps an IPv4 address to 127.x.y.z and refuses anything else", () => {
    expect(loopbackImage("10.38.0.226")).toBe("127.38.0.226");
    expect(() => loopbackImage("2001:db8::1")).toThrow(/not one/);
  });

  it("gives every device of the whole example province its own loopback address", () => {
    const inventory = loadInventory(discover([province]).targets[0]!);
    const all = inventory.plans.flatMap((plan) => {
      const a = plannedLabAddresses(plan);
      return [a.router, ...Object.values(a.switches), ...Object.values(a.endpoints)];
    });
    expect(all.length).toBeGreaterThan(3 * 166 - 1);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((a) => /^127\.\d+\.\d+\.\d+$/.test(a))).toBe(true);
  });

  it("puts endpoints that take DHCP at the first addresses of their zone's pool, in order", () => {
    const inventory = loadInventory(discover([province]).targets[0]!);
    const plan = inventory.plans.find((p) => p.name === "Thiệu Trung")!;
    const ep = plan.endpoints[0]!;
    const second = { ...ep, systemName: `${ep.systemName} 2` };
    const leased = { ...plan, endpoints: [{ ...ep, address: "dhcp" as const }, { ...second, address: "dhcp" as const }] };
    const first = loopbackImage(formatAddress(plan.zones.find((z) => z.zone === ep.zone)!.dhcp!.first));
    const next = first.replace(/\d+$/, (d) => String(Number(d) + 1));
    expect(plannedLabAddresses(leased).endpoints).toEqual({ [ep.systemName]: first, [second.systemName]: next });
  });
});
