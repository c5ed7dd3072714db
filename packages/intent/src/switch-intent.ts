/**
 * Each commune switch's configuration, from the inventory and its plan:
 * the zones as VLANs, every declared port's role, the management SVI and
 * default gateway, SSH-only vty lines, and the SOC's syslog collectors the
 * switch can reach as IOS writes them plainly (IPv4, UDP to port 514: the
 * switch's management is IPv4 only). Pure.
 */
import { expandPorts, formatAddress, iosText, type CommuneModel, type CommunePlan } from "@communes/inventory";
import { formatVlanList, sshFamilyOf, type PortConfig, type SwitchState } from "@communes/switch/model";
import { PORT_ROLES } from "./port-roles";
import { switchVlanName } from "./router/names";

export interface SwitchIntent {
  hostname: string;
  dialect: "ios";
  hostKeyFingerprint: string;
  /** The switch's management address (how to reach it). */
  address: string;
  state: SwitchState;
}

/** IOS names and descriptions are ASCII: diacritics dropped, đ as d (the inventory's iosText, which its description-length check measures). */
export const ascii: (text: string) => string = iosText;

function mask(length: number): string {
  const bits = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 255).join(".");
}

/** The syslog collectors a switch logs to: the commune's, IPv4 with UDP to port 514. */
export function switchSyslog(commune: CommuneModel): string[] {
  return commune.settings.syslog.filter((s) => s.protocol === "udp" && s.port === 514 && !s.address.includes(":")).map((s) => s.address);
}

export function switchIntents(commune: CommuneModel, plan: CommunePlan): SwitchIntent[] {
  const vlanOf = new Map(plan.zones.map((z) => [z.zone, z.vlan]));
  const management = plan.zones.find((z) => z.zone === "management")!;
  const router = plan.devices.find((d) => d.role === "router")!;
  const vlans = Object.fromEntries(plan.zones.map((z) => [String(z.vlan), switchVlanName(z.zone)]));
  const allZones = formatVlanList(plan.zones.map((z) => z.vlan));
  return commune.switches.map((sw) => {
    const ports: Record<string, PortConfig> = {};
    for (const entry of sw.ports) {
      const description = entry.description ? ascii(entry.description) : undefined;
      for (const spec of entry.ports) {
        for (const name of expandPorts(spec)) {
          const config = PORT_ROLES[entry.role]({ allZones, ...(entry.zone ? { accessVlan: vlanOf.get(entry.zone)! } : {}) });
          ports[name] = { ...(description ? { description } : {}), ...config };
        }
      }
    }
    const address = plan.devices.find((d) => d.role === "switch" && d.hostname === sw.hostname)!.address;
    const legacy = (sw.model ? sshFamilyOf(sw.model)?.legacy : undefined) ?? [];
    return {
      hostname: sw.hostname,
      dialect: sw.dialect,
      hostKeyFingerprint: sw.hostKey,
      address: formatAddress(address),
      state: {
        hostname: sw.hostname,
        vlans,
        ports,
        management: { vlan: management.vlan, address: formatAddress(address), mask: mask(management.ipv4.length) },
        defaultGateway: formatAddress(router.address),
        vtyTransport: "ssh",
        vtpMode: "transparent",
        loggingHosts: switchSyslog(commune),
        ...(legacy.length > 0 ? { sshLegacyAlgorithms: [...legacy] } : {}),
      },
    };
  });
}
