/**
 * The router's own services (`/ip/service`): every one RouterOS 7 ships,
 * its default TCP port, and what it is for here, in the order
 * `/ip service print` lists them. Source: MikroTik's RouterOS manual, "IP
 * Services" (help.mikrotik.com, its `ip service print` of a default
 * router: names, order and ports); the terraform-routeros provider's
 * `routeros_ip_service` example gives the same ports. The one place
 * these ports are written: the intent, the inventory's defaults, the API
 * clients, the verifier and the lab read them from here.
 */

/** How the provider reaches the router's management API (the inventory's `router.api.transport`). */
export type ApiTransport = "api" | "api-ssl" | "rest";

export interface RouterService {
  /** Its name in `/ip/service`. */
  name: string;
  /** The port RouterOS gives it out of the box. */
  port: number;
  /** management: a way to configure the router (kept, open to the managers only); cleartext: a protocol that sends passwords in the clear (turned off). */
  use: "management" | "cleartext";
  /** The API transport this service carries, for the ones the provider can use. */
  transport?: ApiTransport;
}

export const ROUTER_SERVICES: readonly RouterService[] = [
  { name: "telnet", port: 23, use: "cleartext" },
  { name: "ftp", port: 21, use: "cleartext" },
  { name: "www", port: 80, use: "cleartext" },
  { name: "ssh", port: 22, use: "management" },
  { name: "www-ssl", port: 443, use: "management", transport: "rest" },
  { name: "api", port: 8728, use: "management", transport: "api" },
  { name: "winbox", port: 8291, use: "management" },
  { name: "api-ssl", port: 8729, use: "management", transport: "api-ssl" },
];

export function routerService(name: string): RouterService | undefined {
  return ROUTER_SERVICES.find((s) => s.name === name);
}

/** The service that carries an API transport. */
export function serviceOfTransport(transport: ApiTransport): RouterService {
  return ROUTER_SERVICES.find((s) => s.transport === transport)!;
}

/** The port an API transport is reached on when nothing else is said. */
export function defaultApiPort(transport: ApiTransport): number {
  return serviceOfTransport(transport).port;
}
