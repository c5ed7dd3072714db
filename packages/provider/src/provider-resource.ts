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
  /** SSH, for the configuration export before a change. Default port: 22. */
  sshPort?: pulumi.Input<number>;
  /** `SHA256:…` of the router's SSH host key; any other key is refused. */
  sshHostKeyFingerprint?: pulumi.Input<string>;
}

export interface SwitchConnectionArgs {
  host: pulumi.Input<string>;
  /** Default: 22. */
  port?: pulumi.Input<number>;
  username: pulumi.Input<string>;
  /** Pass Pulumi secrets for both passwords. */
  password: pulumi.Input<string>;
  enableSecret?: pulumi.Input<string>;
  /** `SHA256:…` of the switch's SSH host key; any other key is refused. */
  hostKeyFingerprint: pulumi.Input<string>;
}

export interface EndpointConnectionArgs {
  vendor: pulumi.Input<"poly" | "cisco">;
  host: pulumi.Input<string>;
  /** Default: 443. */
  port?: pulumi.Input<number>;
  username: pulumi.Input<string>;
  /** Pass a Pulumi secret. */
  password: pulumi.Input<string>;
  /** SHA-256 fingerprint of the endpoint's HTTPS certificate. */
  tlsFingerprint: pulumi.Input<string>;
  /** "error" (default) or "warning" when the endpoint does not register. */
  registrationCheck?: pulumi.Input<"error" | "warning">;
  /** How long to wait for registration after an apply. Default: 30000 ms. */
  registrationTimeoutMs?: pulumi.Input<number>;
}

export interface ProviderArgs {
  /** The RouterOS device this provider instance manages. */
  routeros?: pulumi.Input<RouterConnectionArgs>;
  /** The IOS switch this provider instance manages. */
  ios?: pulumi.Input<SwitchConnectionArgs>;
  /** The videoconference endpoint this provider instance manages. */
  endpoint?: pulumi.Input<EndpointConnectionArgs>;
  /**
   * The commune's inventory file, relative to the Pulumi project's directory.
   * When set, the provider checks it (as the stack program does) before it
   * reads or removes anything on the device, so that a refresh or a destroy,
   * which run no program first, never reach a device on a bad inventory.
   */
  inventory?: pulumi.Input<string>;
}

export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs, opts?: pulumi.ResourceOptions) {
    // Whole connections are secret: they carry passwords.
    super(
      "communes",
      name,
      {
        routeros: args.routeros === undefined ? undefined : pulumi.secret(pulumi.output(args.routeros)),
        ios: args.ios === undefined ? undefined : pulumi.secret(pulumi.output(args.ios)),
        endpoint: args.endpoint === undefined ? undefined : pulumi.secret(pulumi.output(args.endpoint)),
        inventory: args.inventory,
      },
      opts,
    );
  }
}
