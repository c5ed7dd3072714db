/** A switch's change as the IOS configuration lines the provider will send (the switch planner's own). */
import { planIosCommands, releasedState, type SwitchState } from "@communes/switch";
import type { ResourceChange } from "./resource-changes";

/** A switch holding none of the managed configuration: what a new switch resource is planned against. */
function blank(want: SwitchState): SwitchState {
  return { hostname: "", vtpMode: "server", vlans: {}, ports: {}, management: { vlan: want.management.vlan, address: "", mask: "" }, defaultGateway: "", vtyTransport: "none" };
}

/** Lines in configuration mode; for a removal, those that release the switch (ports reset, VLANs removed, management kept). */
export function iosLines(change: ResourceChange): string[] {
  if (change.op === "remove") {
    const had = change.before as unknown as SwitchState;
    return planIosCommands(had, releasedState(had));
  }
  const want = change.after as unknown as SwitchState;
  const have = change.op === "add" ? blank(want) : (change.before as unknown as SwitchState);
  return planIosCommands(have, want);
}
