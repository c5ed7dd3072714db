/** A switch's change as the IOS configuration lines the provider will send (the switch planner's own). */
import { planIosCommands, releasedState } from "@communes/switch";
import { describeProblems, readSwitchState, type SwitchState } from "@communes/provider/contract";
import { PreviewInputError } from "./preview-json";
import type { ResourceChange } from "./resource-changes";

/** A switch holding none of the managed configuration: what a new switch resource is planned against. */
function blank(want: SwitchState): SwitchState {
  return { hostname: "", vtpMode: "server", vlans: {}, ports: {}, management: { vlan: want.management.vlan, address: "", mask: "" }, defaultGateway: "", vtyTransport: "none" };
}

/** One side of the change, read as the provider's switch state; a preview holding something else is refused, saying what is wrong. */
function side(change: ResourceChange, which: "before" | "after"): SwitchState {
  const reading = readSwitchState(change[which]);
  if (reading.problems) throw new PreviewInputError(`${change.device}: the switch's inputs ${which} the change are not a switch's state: ${describeProblems(reading.problems)}`);
  return reading.value;
}

/** Lines in configuration mode; for a removal, those that release the switch (ports reset, VLANs removed, management kept). */
export function iosLines(change: ResourceChange): string[] {
  if (change.op === "remove") {
    const had = side(change, "before");
    return planIosCommands(had, releasedState(had));
  }
  const want = side(change, "after");
  const have = change.op === "add" ? blank(want) : side(change, "before");
  return planIosCommands(have, want);
}
