/**
 * The services the verifier asks about: what a commune office's machines
 * and devices use, by IANA port. One row per protocol and port.
 */
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
  { name: "winbox", protocol: "tcp", port: 8291 },
  { name: "api", protocol: "tcp", port: 8728 },
  { name: "api-ssl", protocol: "tcp", port: 8729 },
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

/** The router's own management services (`/ip service`) and their default ports (RouterOS manual, "Services"). */
export const ROUTER_SERVICE_PORTS: Readonly<Record<string, number>> = { telnet: 23, ftp: 21, www: 80, ssh: 22, "www-ssl": 443, api: 8728, winbox: 8291, "api-ssl": 8729 };
