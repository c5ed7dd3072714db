/** `show vlan` (the full view, after `show vlan brief`'s table) in IOS 15.2's layout. */
import { showVlanBrief } from "./ios-show";
import type { SwitchConfig } from "./ios-state";

const DEVICE_VLANS: ReadonlyArray<[number, string, string, string, string]> = [
  [1002, "fddi ", "101002", "-    ", "-   "],
  [1003, "tr   ", "101003", "-    ", "srb "],
  [1004, "fdnet", "101004", "ieee ", "-   "],
  [1005, "trnet", "101005", "ibm  ", "-   "],
];

export function showVlan(c: SwitchConfig): string {
  const brief = showVlanBrief(c).replace(/^\n/, "").replace(/\n$/, "");
  const rows = [...c.vlans.keys()].filter((id) => id < 1002).sort((a, b) => a - b)
    .map((id) => `${String(id).padEnd(5)}enet  ${String(100000 + id).padEnd(11)}1500  -      -      -        -    -        0      0   `);
  for (const [id, type, said, stp, mode] of DEVICE_VLANS) rows.push(`${id} ${type} ${said}     1500  -      -      -        ${stp}${mode}     0      0   `);
  return [
    brief,
    "",
    "VLAN Type  SAID       MTU   Parent RingNo BridgeNo Stp  BrdgMode Trans1 Trans2",
    "---- ----- ---------- ----- ------ ------ -------- ---- -------- ------ ------",
    ...rows,
    "",
    "Remote SPAN VLANs",
    "------------------------------------------------------------------------------",
    "",
    "",
    "Primary Secondary Type              Ports",
    "------- --------- ----------------- ------------------------------------------",
    "",
  ].join("\n");
}
