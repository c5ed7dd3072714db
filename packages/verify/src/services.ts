/**
 * The services the verifier asks about: what a commune office's machines
 * and devices use, by IANA port. One row per protocol and port; the
 * router's own management services at the ports RouterOS gives them
 * (`@communes/routeros/model`).
 */
import { routerService } from "@communes/routeros/model";

const routerPort = (name: string) => routerService(name)!.port;
export interface Service {
  name: string;
  protocol: "tcp" | "udp" | "icmp";
  /** Destination port; none for ping. */
  port?: number;
}

export const SERVICES = [
  { name: "dns", protocol: "udp", port: 53 },
  { name: "dns-tcp", protocol: "tcp", port: 53 },
  { name: "ntp", protocol: "udp", port: 123 },
  { name: "sip", protocol: "udp", port: 5060 },
  { name: "sip-tcp", protocol: "tcp", port: 5060 },
  { name: "sip-tls", protocol: "tcp", port: 5061 },
  { name: "h323-ras", protocol: "udp", port: 1719 },
  { name: "h323", protocol: "tcp", port: 1720 },
  { name: "https", protocol: "tcp", port: 443 },
  { name: "smb", protocol: "tcp", port: 445 },
  { name: "syslog", protocol: "udp", port: 514 },
  { name: "ping", protocol: "icmp" },
  { name: "ssh", protocol: "tcp", port: 22 },
  { name: "winbox", protocol: "tcp", port: routerPort("winbox") },
  { name: "api", protocol: "tcp", port: routerPort("api") },
  { name: "api-ssl", protocol: "tcp", port: routerPort("api-ssl") },
] as const satisfies readonly Service[];

export type ServiceName = (typeof SERVICES)[number]["name"];

export function service(name: ServiceName): Service {
  return SERVICES.find((s) => s.name === name)!;
}

/** `smb tcp/445`, `ping`: a service by name and port, as the reports list them. */
export function serviceLabel(s: Service): string {
  return s.protocol === "icmp" ? s.name : `${s.name} ${serviceText(s)}`;
}

/** `udp/53`, `ping`: how a service is written in reports. */
export function serviceText(s: Service): string {
  return s.protocol === "icmp" ? "ping" : `${s.protocol}/${s.port}`;
}
