/** The program side of `communes:endpoint:Endpoint`. */
import * as pulumi from "@pulumi/pulumi";
import type { EndpointSettings, RegistrationStatus } from "@communes/endpoint";
import { ENDPOINT_TOKEN } from "./endpoint-type";

export interface EndpointArgs {
  systemName: pulumi.Input<string>;
  /** Settings by vendor-neutral name; pass the SIP password as a Pulumi secret. */
  settings: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export class Endpoint extends pulumi.CustomResource {
  declare readonly systemName: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<EndpointSettings>;
  /** Registration with the MCU as last verified. */
  declare readonly registration: pulumi.Output<RegistrationStatus[]>;

  constructor(name: string, args: EndpointArgs, opts?: pulumi.CustomResourceOptions) {
    super(ENDPOINT_TOKEN, name, { ...args, registration: undefined }, opts);
  }
}
