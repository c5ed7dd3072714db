/**
 * The IOS configuration lines that turn the observed switch state into the
 * wanted one: only what differs, the VTP mode first (it decides where the
 * VLANs go), VLANs (ports refer to them), the ports, the management SVI and
 * gateway, the vty lines, the syslog servers.
 */
import type { PortConfig, SwitchState } from "../switch-state";

function portLines(name: string, have: PortConfig | undefined, want: PortConfig): string[] {
  const lines: string[] = [];
  const differs = <K extends keyof PortConfig>(k: K) => have?.[k] !== want[k];
  if (differs("description")) lines.push(want.description ? `description ${want.description}` : "no description");
  if (differs("mode")) lines.push(want.mode === "dynamic" ? "no switchport mode" : `switchport mode ${want.mode}`);
  if (want.mode === "access" && differs("accessVlan")) lines.push(`switchport access vlan ${want.accessVlan ?? 1}`);
  if (want.mode === "trunk") {
    if (differs("trunkAllowed")) lines.push(want.trunkAllowed === "1-4094" ? "switchport trunk allowed vlan all" : `switchport trunk allowed vlan ${want.trunkAllowed}`);
    if (differs("nativeVlan")) lines.push(`switchport trunk native vlan ${want.nativeVlan ?? 1}`);
  }
  if (differs("portfast")) lines.push(want.portfast ? `spanning-tree portfast${want.mode === "trunk" ? " trunk" : ""}` : "no spanning-tree portfast");
  if (differs("shutdown")) lines.push(want.shutdown ? "shutdown" : "no shutdown");
  return lines.length === 0 ? [] : [`interface ${name}`, ...lines.map((l) => ` ${l}`), "exit"];
}

export function planIosCommands(have: SwitchState, want: SwitchState): string[] {
  const lines: string[] = [];
  if (have.hostname !== want.hostname) lines.push(`hostname ${want.hostname}`);
  if (have.vtpMode !== want.vtpMode) lines.push(`vtp mode ${want.vtpMode}`);
  for (const [id, name] of Object.entries(want.vlans)) {
    if (have.vlans[id] !== name) lines.push(`vlan ${id}`, ` name ${name}`, "exit");
  }
  for (const [name, port] of Object.entries(want.ports)) lines.push(...portLines(name, have.ports[name], port));
  // VLANs nobody declared go once no port of ours uses them any more.
  for (const id of Object.keys(have.vlans)) if (!(id in want.vlans)) lines.push(`no vlan ${id}`);
  const m = want.management;
  if (have.management.address !== m.address || have.management.mask !== m.mask) {
    lines.push(`interface Vlan${m.vlan}`, ` ip address ${m.address} ${m.mask}`, " no shutdown", "exit");
  }
  if (have.defaultGateway !== want.defaultGateway) lines.push(`ip default-gateway ${want.defaultGateway}`);
  if (have.vtyTransport !== want.vtyTransport) lines.push("line vty 0 15", ` transport input ${want.vtyTransport}`, "exit");
  if (want.loggingHosts) {
    const had = have.loggingHosts ?? [];
    for (const host of had) if (!want.loggingHosts.includes(host)) lines.push(`no logging host ${host}`);
    for (const host of want.loggingHosts) if (!had.includes(host)) lines.push(`logging host ${host}`);
  }
  return lines;
}
