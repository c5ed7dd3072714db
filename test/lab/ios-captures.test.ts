/**
 * The lab switch's show commands against real IOS captures
 * (test/fixtures/ios-captures/, sources in its README): the values are the
 * lab's own (hostname, ports, MACs), the layout — headings, columns,
 * spacing, line shapes — is the device's.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { cloneConfig, factoryConfig, newSession, runLine, type IosSwitch } from "@communes/lab";
import { describe, expect, it } from "vitest";

const capture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/ios-captures", name), "utf8").replace(/\r/g, "");
const lines = (text: string) => text.split("\n");

/** A configured lab switch: VLANs 10 and 20, an access port with a long description, a trunk, a shut port, a management SVI. */
function lab(): IosSwitch {
  const running = factoryConfig("sw1");
  running.vtp.mode = "transparent";
  running.vlans.set(10, "management").set(20, "staff");
  Object.assign(running.ports.get("GigabitEthernet1/0/1")!, { mode: "access", accessVlan: 20, description: "Phong lam viec tang 2 phia dong" });
  Object.assign(running.ports.get("GigabitEthernet1/0/20")!, { shutdown: true });
  Object.assign(running.ports.get("GigabitEthernet1/0/24")!, { mode: "trunk", trunkAllowed: [10, 20] });
  running.svis.set(10, { shutdown: false, address: { ip: "10.38.0.226", mask: "255.255.255.248" } });
  return { running, startup: cloneConfig(running), bootedAt: Date.now() - 90_061_000 };
}
const show = (command: string) => runLine(lab(), Object.assign(newSession(), { mode: "privileged" as const }), command, "sw1#").output;

/** Digits, hex MACs and free text made alike, so lines compare by shape. */
const shape = (line: string) => line.replace(/[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}/g, "MAC").replace(/\d+/g, "9");

/** The column where each heading word starts. */
const columnsOf = (header: string) => [...header.matchAll(/\S+/g)].map((m) => m.index);

describe("layouts of the captures", () => {
  it("show version: the model table, the hardware fields, what Ansible parses", () => {
    const ours = lines(show("show version"));
    const theirs = lines(capture("show-version.txt"));
    for (const heading of ["Switch Ports Model", "------ ----- -----"]) {
      expect(ours.find((l) => l.startsWith(heading))).toBe(theirs.find((l) => l.startsWith(heading)));
    }
    const row = ours.find((l) => l.startsWith("*    1 "))!;
    const theirRow = theirs.find((l) => l.startsWith("*    2 "))!;
    expect(columnsOf(row)).toEqual(columnsOf(theirRow));
    expect(row).toMatch(/^\*    1 28    WS-C2960X-24TS-L {10}15\.2\(7\)E8 {13}C2960X-UNIVERSALK9-M {5}$/);
    for (const field of ["Base ethernet MAC Address", "Model number", "System serial number"]) {
      expect(ours.find((l) => l.startsWith(field))!.indexOf(":")).toBe(theirs.find((l) => l.startsWith(field))!.indexOf(":"));
    }
    expect(ours).toContain("sw1 uptime is 1 day, 1 hour, 1 minute");
    for (const line of ["Configuration register is 0xF", "System returned to ROM by power-on", "ROM: Bootstrap program is C2960X boot loader", "The password-recovery mechanism is enabled."]) {
      expect(theirs).toContain(line);
      expect(ours).toContain(line);
    }
    expect(shape(theirs.find((l) => l.startsWith("cisco WS-"))!)).toBe("cisco WS-C9X-9FPD-L (APM9XXX) processor (revision F9) with 9K bytes of memory.");
    expect(shape(ours.find((l) => l.startsWith("cisco WS-"))!)).toBe("cisco WS-C9X-9TS-L (APM9XXX) processor (revision D9) with 9K bytes of memory.");
  });

  it("show vlan: the brief table, the type table, remote SPAN and private VLANs", () => {
    const ours = lines(show("show vlan"));
    const theirs = lines(capture("show-vlan.txt"));
    for (const heading of ["VLAN Name", "---- ------", "VLAN Type", "---- -----", "Remote SPAN VLANs", "Primary Secondary", "------- ---------"]) {
      expect(ours.find((l) => l.startsWith(heading))).toBe(theirs.find((l) => l.startsWith(heading)));
    }
    expect(ours).toContain(theirs.find((l) => l.startsWith("1    enet"))!);
    for (const id of ["1002", "1003", "1004", "1005"]) {
      expect(ours.filter((l) => l.startsWith(id))).toEqual(theirs.filter((l) => l.startsWith(id)));
    }
    expect(ours).toContain("20   staff                            active    Gi1/0/1");
  });

  it("show interfaces status: the capture's columns, the Name cut to its width", () => {
    const ours = lines(show("show interfaces status"));
    const theirs = lines(capture("show-interfaces-status.txt"));
    expect(ours[1]).toBe(theirs[0]);
    expect(ours).toContain(theirs.find((l) => l.startsWith("Gi1/0/1 "))!.replace("Gi1/0/1 ", "Gi1/0/2 "));
    expect(ours).toContain("Gi1/0/1   Phong lam viec tan notconnect   20           auto   auto 10/100/1000BaseTX");
    expect(ours).toContain("Gi1/0/24                     connected    trunk      a-full a-1000 10/100/1000BaseTX");
    expect(ours).toContain("Gi1/0/25                     notconnect   1            auto   auto Not Present");
    expect(ours).toContain("Fa0                          notconnect   routed       auto   auto 10/100BaseTX");
  });

  it("show interfaces: a port's and an SVI's lines have the capture's shapes", () => {
    const theirs = new Set(lines(capture("show-interfaces.txt")).map(shape));
    const port = lines(show("show interfaces gi1/0/2")).filter((l) => l !== "");
    expect(port[0]).toBe("GigabitEthernet1/0/2 is down, line protocol is down (notconnect)");
    for (const line of port) if (!line.includes("media type")) expect(theirs).toContain(shape(line));
    const svi = lines(show("show interfaces vlan 10")).filter((l) => l !== "");
    for (const line of svi) expect(theirs).toContain(shape(line));
  });

  it("show interfaces switchport: the capture's fields in its order", () => {
    const labels = (text: string) => lines(text).map((l) => l.split(":")[0]);
    const theirs = lines(capture("show-interfaces-switchport.txt"));
    const block = theirs.slice(1, theirs.indexOf("Appliance trust: none") + 1).join("\n");
    expect(labels(show("show interfaces gi1/0/24 switchport")).slice(0, -1)).toEqual(labels(block));
    expect(show("sh int gi1/0/1 sw")).toContain("Access Mode VLAN: 20 (staff)\n");
  });

  it("show ip interface brief and show ip interface", () => {
    const ours = lines(show("show ip interface brief"));
    const theirs = lines(capture("show-ip-interface-brief.txt"));
    expect(ours[0]).toBe(theirs[0]);
    expect(columnsOf(ours.find((l) => l.startsWith("Vlan10"))!)).toEqual(columnsOf(theirs[1]!));
    expect(ours).toContain("GigabitEthernet1/0/20      unassigned      YES unset  administratively down down");
    const ip = new Set(lines(capture("show-ip-interface.txt")).map(shape));
    for (const line of lines(show("show ip interface")).filter((l) => l.startsWith(" "))) expect(ip).toContain(shape(line));
  });

  it("show running-config interface", () => {
    const ours = lines(show("show running-config interface gi1/0/1"));
    const theirs = lines(capture("show-running-config-interface.txt"));
    expect(ours.slice(0, 5).map(shape)).toEqual(theirs.slice(0, 5).map(shape).map((l) => l.replace(/^interface .*/, "interface GigabitEthernet9/9/9")));
    expect(ours.at(-2)).toBe("end");
  });

  it("show inventory, show clock, show privilege", () => {
    const inventory = lines(show("show inventory"));
    const theirs = lines(capture("show-inventory.txt")).filter((l) => l !== "");
    expect(inventory[0]).toBe('NAME: "1", DESCR: "WS-C2960X-24TS-L"');
    expect(inventory[1]!.indexOf(", VID:")).toBe(theirs[1]!.indexOf(", VID:"));
    expect(inventory[1]!.indexOf(", SN:")).toBe(theirs[1]!.indexOf(", SN:"));
    expect(shape(show("show clock").trim()).replace(/[A-Z][a-z]{2}/g, "Aaa")).toBe(shape(capture("show-clock.txt").trim()).replace(/[A-Z][a-z]{2}/g, "Aaa"));
    expect(show("show privilege")).toBe(capture("show-privilege.txt"));
  });

  it("show mac address-table, show cdp, show cdp neighbors, show lldp", () => {
    const mac = lines(show("show mac address-table"));
    const theirs = lines(capture("show-mac-address-table.txt"));
    expect(mac.slice(0, 5)).toEqual(theirs.slice(0, 5));
    expect(mac).toContain(theirs.find((l) => l.includes("ffff.ffff.ffff"))!);
    expect(shape(mac.at(-2)!)).toBe(shape(theirs.at(-2)!));
    expect(show("show cdp")).toBe(capture("show-cdp.txt"));
    const cdp = lines(show("show cdp neighbors"));
    expect(cdp.slice(0, 5)).toEqual(lines(capture("show-cdp-neighbors.txt")).slice(0, 5));
    expect(shape(cdp.at(-2)!)).toBe(shape(lines(capture("show-cdp-neighbors.txt")).at(-2)!));
    expect(show("show lldp neighbors")).toBe("% LLDP is not enabled\n");
  });
});
