/** The program side of `communes:switch:IosSwitch`. */
import * as pulumi from "@pulumi/pulumi";
import type { SwitchState } from "@communes/switch";
import { IOS_SWITCH_TOKEN } from "./ios-switch-type";

export type IosSwitchArgs = { [K in keyof SwitchState]: pulumi.Input<SwitchState[K]> };

export class IosSwitch extends pulumi.CustomResource {
  declare readonly hostname: pulumi.Output<string>;
  declare readonly vlans: pulumi.Output<SwitchState["vlans"]>;
  declare readonly ports: pulumi.Output<SwitchState["ports"]>;
  declare readonly management: pulumi.Output<SwitchState["management"]>;
  declare readonly defaultGateway: pulumi.Output<string>;
  declare readonly vtyTransport: pulumi.Output<string>;

  constructor(name: string, args: IosSwitchArgs, opts?: pulumi.CustomResourceOptions) {
    super(IOS_SWITCH_TOKEN, name, { ...args }, opts);
  }
}
