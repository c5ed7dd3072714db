/**
 * Where a lab device listens when the lab stands in for a commune's real
 * network: the loopback image of the device's planned address (10.38.0.226
 * → 127.38.0.226), so every device of every commune has its own address,
 * stable from one start to the next, and the lab can hold a whole province.
 * Ports are the devices' own where unprivileged (RouterOS api 8728, api-ssl
 * 8729) and fixed stand-ins for the privileged ones (SSH 22 → 2222, HTTPS
 * 443 → 8443), the same for every device.
 */
import { formatAddress, type CommunePlan } from "@communes/inventory";
import { defaultApiPort } from "@communes/routeros/model";

export const LAB_PORTS = { api: defaultApiPort("api"), apiSsl: defaultApiPort("api-ssl"), https: 8443, ssh: 2222 } as const;

/** The lab's ports shifted by `offset` (a second lab beside a running one, as the tests run it). */
export function labPorts(offset = 0): { api: number; apiSsl: number; https: number; ssh: number } {
  return { api: LAB_PORTS.api + offset, apiSsl: LAB_PORTS.apiSsl + offset, https: LAB_PORTS.https + offset, ssh: LAB_PORTS.ssh + offset };
}

export interface PlannedLabAddresses {
  router: string;
  /** By switch hostname. */
  switches: Record<string, string>;
  /** By endpoint system name. */
  endpoints: Record<string, string>;
}

/** `a.b.c.d` → `127.b.c.d`. */
export function loopbackImage(address: string): string {
  const octets = address.split(".");
  if (octets.length !== 4) throw new Error(`the lab maps IPv4 management addresses to loopback; ${address} is not one`);
  return ["127", ...octets.slice(1)].join(".");
}

/** Endpoints that take their address by DHCP get the first addresses of their zone's DHCP pool, in order. */
export function plannedLabAddresses(plan: CommunePlan): PlannedLabAddresses {
  const router = plan.devices.find((d) => d.role === "router")!;
  const switches = Object.fromEntries(plan.devices.filter((d) => d.role === "switch").map((d) => [d.hostname, loopbackImage(formatAddress(d.address))]));
  const leased = new Map<string, number>();
  const endpoints = Object.fromEntries(
    plan.endpoints.map((ep) => {
      if (ep.address !== "dhcp") return [ep.systemName, loopbackImage(formatAddress(ep.address))];
      const pool = plan.zones.find((z) => z.zone === ep.zone)?.dhcp;
      if (!pool) throw new Error(`endpoint "${ep.systemName}" takes DHCP in zone ${ep.zone}, which has no DHCP pool`);
      const offset = leased.get(ep.zone) ?? 0;
      leased.set(ep.zone, offset + 1);
      const octets = loopbackImage(formatAddress(pool.first)).split(".").map(Number);
      octets[3]! += offset;
      return [ep.systemName, octets.join(".")];
    }),
  );
  return { router: loopbackImage(formatAddress(router.address)), switches, endpoints };
}
