/** An instance of the communes provider, configured for one device. */
import * as pulumi from "@pulumi/pulumi";

export interface RouterConnectionArgs {
  host: pulumi.Input<string>;
  /** Default: 8728 (api), 8729 (api-ssl), 443 (rest). */
  port?: pulumi.Input<number>;
  transport: pulumi.Input<"api" | "api-ssl" | "rest">;
  username: pulumi.Input<string>;
  /** Pass a Pulumi secret (`config.requireSecret`): it is kept encrypted in state and never shown. */
  password: pulumi.Input<string>;
  /** SHA-256 fingerprint of the router's certificate; required for api-ssl and rest. */
  tlsFingerprint?: pulumi.Input<string>;
  /** Time for one request, in milliseconds. Default: 15000. */
  timeoutMs?: pulumi.Input<number>;
}

export interface ProviderArgs {
  /** The RouterOS device this provider instance manages. */
  routeros?: pulumi.Input<RouterConnectionArgs>;
}

export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs, opts?: pulumi.ResourceOptions) {
    // The whole connection is secret: it carries the password.
    super("communes", name, { routeros: args.routeros === undefined ? undefined : pulumi.secret(pulumi.output(args.routeros)) }, opts);
  }
}
