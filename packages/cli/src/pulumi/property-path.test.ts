import { describe, expect, it } from "vitest";
import { byReadingOrder, formatPath, parsePath, valueAt } from "./property-path";

describe("engine property paths", () => {
  it.each([
    ["entries.dhcp-citizen-wifi.lease-time", ["entries", "dhcp-citizen-wifi", "lease-time"]],
    ['ports["GigabitEthernet1/0/13"].accessVlan', ["ports", "GigabitEthernet1/0/13", "accessVlan"]],
    ['settings["h323.e164"]', ["settings", "h323.e164"]],
    ['entries["vlan-staff 10.40.7.1/24"].comment', ["entries", "vlan-staff 10.40.7.1/24", "comment"]],
    ['order[2]', ["order", 2]],
    ['vlans["99"]', ["vlans", "99"]],
    ['a["say \\"hi\\""].b', ["a", 'say "hi"', "b"]],
  ])("%s parses and prints back the same", (path, segments) => {
    expect(parsePath(path)).toEqual(segments);
    expect(formatPath(segments)).toBe(path);
  });

  it("reads the value a path names, undefined when absent", () => {
    const state = { ports: { "Gi1/0/5": { accessVlan: 20 } }, order: ["a", "b"] };
    expect(valueAt(state, ["ports", "Gi1/0/5", "accessVlan"])).toBe(20);
    expect(valueAt(state, ["order", 1])).toBe("b");
    expect(valueAt(state, ["ports", "Gi1/0/6", "accessVlan"])).toBeUndefined();
  });
});

describe("reading order", () => {
  it("puts port 9 before port 10, as people count", () => {
    const ports = ['ports["GigabitEthernet1/0/10"]', 'ports["GigabitEthernet1/0/9"]', 'ports["GigabitEthernet1/0/1"]'];
    expect(ports.sort(byReadingOrder)).toEqual(['ports["GigabitEthernet1/0/1"]', 'ports["GigabitEthernet1/0/9"]', 'ports["GigabitEthernet1/0/10"]']);
  });
});
