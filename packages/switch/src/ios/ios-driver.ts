/**
 * The IOS switch driver: the running configuration read with
 * `show running-config`, and the VLANs from `show vlan brief` when IOS keeps
 * them outside it (a switch that is not VTP transparent).
 */
import type { CliSession } from "../cli-session";
import type { SwitchDriver } from "../switch-driver";
import { IOS } from "./dialect";
import { observedState, parseRunningConfig, parseVlanBrief, vlansInRunningConfig, type IosConfig } from "./parse-running-config";
import { planIosCommands } from "./plan-commands";

/** The whole configuration, every port, VLANs where IOS keeps them. */
export async function readIosConfig(session: CliSession): Promise<IosConfig> {
  const config = parseRunningConfig(await session.run(IOS.showConfig));
  return vlansInRunningConfig(config.vtpMode) ? config : { ...config, vlans: parseVlanBrief(await session.run(IOS.showVlans)) };
}

export const IOS_DRIVER: SwitchDriver = {
  dialect: IOS,
  async read(session, like) {
    const observed = observedState(await readIosConfig(session), Object.keys(like.ports), like.management.vlan, like.loggingHosts !== undefined);
    return like.sshLegacyAlgorithms ? { ...observed, sshLegacyAlgorithms: like.sshLegacyAlgorithms } : observed;
  },
  plan: planIosCommands,
};
