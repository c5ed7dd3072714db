/**
 * The preview report's reachability: a preview whose router steps open or
 * cut a path lists it with its services and the rule that decides, the
 * checks it breaks or fixes and a risk flag; a router change that alters no
 * reachability says so; a preview that does not touch the router has none.
 * Previews are built from the example commune's rendered router, as the
 * stack's Table resources hold it.
 */
import { discover, loadInventory } from "@communes/inventory";
import { routerIntent } from "@communes/intent";
import type { Row } from "@communes/verify";
import { describe, expect, it } from "vitest";
import type { LoadedCommune } from "../../packages/cli/src/load-inventory";
import { TOKENS } from "@communes/provider/contract";
import { renderReport } from "../../packages/cli/src/preview-report/markdown";
import type { PreviewJson } from "../../packages/cli/src/preview-report/preview-json";
import { reachabilityChange } from "../../packages/cli/src/preview-report/reachability-change";
import { resourceChanges } from "../../packages/cli/src/preview-report/resource-changes";

const file = "examples/thanh-hoa/communes/thieu-trung.yaml";
const { targets } = discover([file]);
const inventory = loadInventory(targets[0]!);
const loaded: LoadedCommune = { province: inventory.province!, commune: inventory.communes.find((c) => c.file === file)!, plan: inventory.plans.find((p) => p.file === file)! };
const router = loaded.commune.router.hostname;
const rendered = routerIntent(loaded.province, loaded.commune, loaded.plan).tables;
const filter = rendered.find((t) => t.path === "/ip/firewall/filter")!.entries as Row[];

/** A Table resource's inputs, as the stack holds them: entries by key, in order. */
const key = (r: Row, i: number) => r.comment ?? r.name ?? `#${i}`;
const inputs = (path: string, rows: readonly Row[]) => ({ path, entries: Object.fromEntries(rows.map((r, i) => [key(r, i), r])), order: rows.map(key) });
const state = (path: string, rows: readonly Row[]) => ({ urn: `urn:pulumi:s::commune::communes:index:CommuneNetwork$${TOKENS.table}::${router}${path}`, type: TOKENS.table, custom: true, inputs: inputs(path, rows) });
const update = (path: string, before: readonly Row[], after: readonly Row[]) => ({ op: "update", urn: state(path, before).urn, oldState: state(path, before), newState: state(path, after), detailedDiff: { entries: { kind: "update" } } });
const preview = (...steps: unknown[]): PreviewJson => ({ config: { "commune:inventory": `../../${file}` }, steps: steps as PreviewJson["steps"] });

const byHand: Row = { chain: "forward", action: "accept", "in-interface": "vlan50-citizen-wifi", "out-interface": "vlan20-staff", comment: "by hand" };

describe("the preview report's reachability", () => {
  it("a change that removes a hand-added accept rule: citizens lose the staff LAN, the isolation check is fixed", () => {
    const change = reachabilityChange(preview(update("/ip/firewall/filter", [byHand, ...filter], filter)), loaded)!;
    const ipv4 = change.changes.filter((c) => c.family === 4 && c.from === "citizen_wifi" && c.to === "staff");
    expect(ipv4).toHaveLength(1);
    expect(ipv4[0]).toMatchObject({ scenario: "normal", before: true, after: false });
    expect(ipv4[0]!.services).toContain("smb tcp/445");
    expect(ipv4[0]!.why).toMatch(/dropped by \/ip\/firewall\/filter #\d+ \(communes: drop everything else\)/);
    // IPv4 only: the hand rule names IPv4 interfaces in the IPv4 filter.
    expect(change.changes.every((c) => c.family === 4 && c.from === "citizen_wifi" && c.to === "staff")).toBe(true);
    expect(change.broken).toEqual([]);
    expect(change.fixed).toHaveLength(1);
    expect(change.fixed[0]).toMatchObject({ family: 4, from: "citizen_wifi", to: "staff", what: "not in the policy: must stay blocked", reason: expect.stringMatching(/accepted by \/ip\/firewall\/filter #0 \(by hand\)/) });
    expect(change.fixed[0]!.services).toEqual(ipv4[0]!.services);
  });

  it("a change that opens citizens to the staff LAN: the path, the checks it breaks, and a reachability risk flag in the report", () => {
    const p = preview(update("/ip/firewall/filter", filter, [byHand, ...filter]));
    const change = reachabilityChange(p, loaded)!;
    expect(change.changes).toContainEqual(expect.objectContaining({ family: 4, from: "citizen_wifi", to: "staff", before: false, after: true, why: expect.stringMatching(/accepted by \/ip\/firewall\/filter #0 \(by hand\)/) }));
    expect(change.broken).toEqual([expect.objectContaining({ family: 4, from: "citizen_wifi", to: "staff", what: "not in the policy: must stay blocked" })]);
    expect(change.fixed).toEqual([]);
    const report = renderReport([{ stack: "s", commune: "xã Thiệu Trung", changes: resourceChanges(p), exports: [], vendors: new Map(), basis: "recorded", reachability: change }], []);
    expect(report).toContain("| xã Thiệu Trung | `s` | 0 | 1 | 0 | firewall, reachability |");
    expect(report).toContain(`### ${router}: reachability`);
    expect(report).toContain("| IPv4 | citizen_wifi → staff | every service | blocked → **allowed** | accepted by /ip/firewall/filter #0 (by hand), out by vlan20-staff |");
    expect(report).toContain("- **reachability**: breaks IPv4 citizen_wifi → staff, not in the policy: must stay blocked (every service)\n");
    expect(report).toContain("Checks this change breaks:");
  });

  it("a router change that alters no path says so; a preview without router steps has no reachability", () => {
    const dhcp = rendered.find((t) => t.path === "/ip/dhcp-server")!.entries as Row[];
    const longer = dhcp.map((r) => ({ ...r, "lease-time": "14400" }));
    const change = reachabilityChange(preview(update("/ip/dhcp-server", dhcp, longer)), loaded)!;
    expect(change).toEqual({ router, changes: [], broken: [], fixed: [] });
    const p = preview(update("/ip/dhcp-server", dhcp, longer));
    const report = renderReport([{ stack: "s", changes: resourceChanges(p), exports: [], vendors: new Map(), basis: "recorded", reachability: change }], []);
    expect(report).toContain("The router's changes alter no reachability");
    expect(report).not.toContain("**reachability**");
    expect(reachabilityChange(preview(), loaded)).toBeUndefined();
  });

  it("the IPv6 default over the dedicated line removed: the zones' IPv6 Internet is cut, by the route, and the policy's flows break", () => {
    const routes = rendered.find((t) => t.path === "/ipv6/route")!.entries as Row[];
    const change = reachabilityChange(preview(update("/ipv6/route", routes, routes.filter((r) => r["dst-address"] !== "::/0"))), loaded)!;
    const staff = change.changes.find((c) => c.scenario === "normal" && c.family === 6 && c.from === "staff" && c.to === "internet")!;
    expect(staff).toMatchObject({ before: true, after: false });
    expect(staff.services).toContain("https tcp/443");
    expect(staff.why).toMatch(/Internet line/);
    expect(change.changes.every((c) => c.family === 6)).toBe(true);
    expect(change.broken).toContainEqual(expect.objectContaining({ family: 6, from: "staff", to: "internet", what: "the policy's flow: must get through", services: expect.arrayContaining(["https tcp/443"]) }));
  });
});
