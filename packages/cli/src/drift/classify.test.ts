import { describe, expect, it } from "vitest";
import { classify, movedKeys, stepFindings, type RefreshStep } from "./classify";
import { parsePath, valueAt } from "../pulumi/property-path";
import { redactor } from "../pulumi/redact";

const urn = (types: string, name: string) => `urn:pulumi:s::commune::communes:index:CommuneNetwork$${types}::${name}`;
const FILTER = urn("communes:router:CommuneRouter$communes:routeros:Table", "r1/ip/firewall/filter");

describe("drift classification", () => {
  it("parses the engine's property paths, quoted keys included", () => {
    expect(parsePath('entries["10.40.7.1/24 vlan20-staff"].comment')).toEqual(["entries", "10.40.7.1/24 vlan20-staff", "comment"]);
    expect(parsePath('settings["sip.password"]')).toEqual(["settings", "sip.password"]);
    expect(parsePath("order[18]")).toEqual(["order", 18]);
    expect(valueAt({ settings: "[secret]" }, ["settings", "systemName"])).toBe("[secret]");
  });

  it("a router field put back to its default shows that default live, not nothing", () => {
    const step: RefreshStep = {
      op: "update",
      urn: urn("communes:router:CommuneRouter$communes:routeros:Table", "r1/ip/service"),
      oldState: { inputs: { path: "/ip/service", entries: { telnet: { name: "telnet", disabled: "true" } } } },
      newState: { inputs: { path: "/ip/service", entries: { telnet: { name: "telnet" } } } },
      detailedDiff: { "entries.telnet.disabled": { kind: "delete" } },
    };
    expect(stepFindings(step, "/ip/service")).toEqual([{ kind: "changed", resource: "/ip/service", property: "entries.telnet.disabled", recorded: "true", live: "false" }]);
  });

  it("an order changed by hand names the fewest rules that moved: one rule to the top is that rule", () => {
    const rules = Array.from({ length: 18 }, (_, i) => `r${i + 1}`);
    expect(movedKeys(rules, ["r18", ...rules.slice(0, 17)])).toEqual(["r18"]);
    expect(movedKeys(["a", "b", "c", "d"], ["b", "a", "d", "c"])).toHaveLength(2);
    expect(movedKeys(["a", "b"], ["a", "b"])).toEqual([]);
  });

  it("a rule reordered by hand is one `order` finding; a rule added is unmanaged, not a reordering", () => {
    const step = (order: string[], entries: Record<string, object>, diff: Record<string, { kind: string }>): RefreshStep => ({
      op: "update",
      urn: FILTER,
      oldState: { inputs: { order: ["a", "b"], entries: { a: {}, b: {} } } },
      newState: { inputs: { order, entries } },
      detailedDiff: diff,
    });
    expect(stepFindings(step(["b", "a"], { a: {}, b: {} }, { "order[0]": { kind: "update" }, "order[1]": { kind: "update" } }), "/ip/firewall/filter")).toEqual([
      { kind: "changed", resource: "/ip/firewall/filter", property: "order", recorded: ["a", "b"], live: ["b", "a"], moved: ["b"] },
    ]);
    expect(stepFindings(step(["x", "a", "b"], { x: { chain: "input" }, a: {}, b: {} }, { 'entries["x"]': { kind: "add" }, "order[0]": { kind: "update" }, "order[2]": { kind: "add" } }), "/ip/firewall/filter")).toEqual([
      { kind: "unmanaged", resource: "/ip/firewall/filter", property: 'entries["x"]', live: { chain: "input", action: "accept", log: "false", disabled: "false" } },
    ]);
  });

  it("an entry deleted on the device is missing, with its recorded value", () => {
    const step: RefreshStep = {
      op: "update",
      urn: FILTER,
      oldState: { inputs: { order: ["a", "b"], entries: { a: { chain: "input", action: "accept" }, b: {} } } },
      newState: { inputs: { order: ["b"], entries: { b: {} } } },
      detailedDiff: { 'entries["a"]': { kind: "delete" }, "order[0]": { kind: "update" }, "order[1]": { kind: "delete" } },
    };
    expect(stepFindings(step, "/ip/firewall/filter")).toContainEqual({ kind: "missing", resource: "/ip/firewall/filter", property: 'entries["a"]', recorded: { chain: "input", action: "accept", log: "false", disabled: "false" } });
  });

  it("a device with an error is could-not-check even when nothing else was found; a failed stack leaves none clean", () => {
    const sw = urn("communes:switch:IosSwitch", "sw1");
    const audit = classify({ stack: "s", seconds: 1, steps: [{ op: "refresh", urn: FILTER }], diagnostics: [{ urn: sw, severity: "error", message: "error: Preview failed: sw1: timed out\n" }, { severity: "error", message: "error: preview failed\n" }], failure: "exit 1" });
    expect(audit.devices.map((d) => [d.name, d.status, d.errors])).toEqual([["r1", "clean", []], ["sw1", "could-not-check", ["sw1: timed out"]]]);
    expect(audit).toMatchObject({ status: "could-not-check", errors: [] });
    const failed = classify({ stack: "s", seconds: 1, steps: [], diagnostics: [], failure: "incorrect passphrase", recorded: [FILTER, sw] });
    expect(failed.devices.map((d) => [d.name, d.status])).toEqual([["r1", "could-not-check"], ["sw1", "could-not-check"]]);
    expect(failed.errors).toEqual(["incorrect passphrase"]);
  });

  it("redacts secret values in keys, values and messages, longest first", () => {
    const redact = redactor(["pw", "pw-long"]);
    expect(redact({ 'entries["x pw-long"]': ["a pw b"], n: 1 })).toEqual({ 'entries["x [secret]"]': ["a [secret] b"], n: 1 });
  });
});
