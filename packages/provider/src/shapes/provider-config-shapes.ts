/**
 * The provider's configuration: which device an instance manages and how it
 * reaches it (the schema's `config.variables` and `provider.inputProperties`).
 * Whole connections are secret: they carry passwords.
 */
import type { RouterOsAccess } from "@communes/routeros";
import type { EndpointConnection } from "../endpoint/endpoint-type";
import type { SwitchConnection } from "../switch/ios-switch-type";
import { object, objectType, optional, required } from "./object-shape";
import { integer, oneOf, string } from "./shape";

export interface ProviderConfig {
  routeros?: RouterOsAccess;
  ios?: SwitchConnection;
  endpoint?: EndpointConnection;
  inventory?: string;
}

const secret = { secret: true };
const timeoutMs = optional(integer(), "Time for one request, in milliseconds. Default: 15000.");

const router = objectType<RouterOsAccess>("communes:index:RouterConnection", "How the provider reaches a RouterOS router.", {
  host: required(string(), "The router's address."),
  port: optional(integer(), "The API's port. Default: 8728 (api), 8729 (api-ssl), 443 (rest)."),
  transport: required(oneOf("communes:index:RouterTransport", "The router's management API.", ["api", "api-ssl", "rest"]), "api, api-ssl or rest"),
  username: required(string(), "The account the provider logs in with."),
  password: required(string(), "Its password.", secret),
  tlsFingerprint: optional(string(), "SHA-256 fingerprint of the router's certificate, pinned; required for api-ssl and rest."),
  timeoutMs,
  sshPort: optional(integer(), "SSH, for the configuration export. Default: 22."),
  sshHostKeyFingerprint: optional(string(), "`SHA256:…` of the router's SSH host key; any other key is refused. Without it, no export."),
});

const iosSwitch = objectType<SwitchConnection>("communes:index:SwitchConnection", "How the provider reaches an IOS switch's CLI over SSH.", {
  host: required(string(), "The switch's address."),
  port: optional(integer(), "Default: 22."),
  username: required(string(), "The account the provider logs in with."),
  password: required(string(), "Its password.", secret),
  enableSecret: optional(string(), "Privileged-mode password, when the account does not log in privileged.", secret),
  hostKeyFingerprint: required(string(), "`SHA256:…` of the switch's SSH host key; any other key is refused."),
});

const endpoint = objectType<EndpointConnection>("communes:index:EndpointConnection", "How the provider reaches a meeting-room endpoint's HTTP API, and how its registration is checked.", {
  vendor: required(oneOf("communes:index:EndpointVendor", "The endpoint's maker: Poly REST or Cisco xAPI.", ["poly", "cisco"]), "poly or cisco"),
  host: required(string(), "The endpoint's address."),
  port: optional(integer(), "Default: 443."),
  username: required(string(), "The account the provider logs in with."),
  password: required(string(), "Its password.", secret),
  tlsFingerprint: required(string(), "SHA-256 fingerprint of the endpoint's certificate, pinned."),
  timeoutMs,
  registrationCheck: optional(oneOf("communes:index:RegistrationCheck", "What an endpoint that does not register is.", ["error", "warning"]), "error (default): the update fails; warning: it is recorded in the outputs."),
  registrationTimeoutMs: optional(integer(), "How long to wait for registration after an apply. Default: 30000."),
});

export const PROVIDER_CONFIG = object<ProviderConfig>({
  routeros: optional(router, "The RouterOS router this provider instance manages.", secret),
  ios: optional(iosSwitch, "The IOS switch this provider instance manages.", secret),
  endpoint: optional(endpoint, "The videoconference endpoint this provider instance manages.", secret),
  inventory: optional(string(), "The commune's inventory file, relative to the Pulumi project: checked before a refresh or a destroy reads or removes anything."),
});
