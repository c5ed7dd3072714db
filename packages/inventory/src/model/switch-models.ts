/**
 * What the inventory knows about switch hardware: IOS's interface type names
 * and the ports of each switch model, for the checks on `switches[].ports`.
 */
import { expandPorts } from "./ports";

/** IOS interface types as `show running-config` names them: the inventory must use these full names. */
export const IOS_INTERFACE_TYPES: readonly string[] = [
  "FastEthernet",
  "GigabitEthernet",
  "TwoGigabitEthernet",
  "FiveGigabitEthernet",
  "TenGigabitEthernet",
  "TwentyFiveGigE",
  "FortyGigabitEthernet",
  "HundredGigE",
  "Ethernet",
  "Port-channel",
];

/** The abbreviations engineers type (and IOS accepts at the CLI), with the full name. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  fa: "FastEthernet",
  fe: "FastEthernet",
  gi: "GigabitEthernet",
  gig: "GigabitEthernet",
  ge: "GigabitEthernet",
  tw: "TwoGigabitEthernet",
  te: "TenGigabitEthernet",
  ten: "TenGigabitEthernet",
  twe: "TwentyFiveGigE",
  fo: "FortyGigabitEthernet",
  hu: "HundredGigE",
  eth: "Ethernet",
  et: "Ethernet",
  po: "Port-channel",
};

/**
 * The full IOS name of a port written with an abbreviated or wrongly cased
 * type (`Gi1/0/24` → `GigabitEthernet1/0/24`); undefined when the type is
 * already a full name or is not an IOS type at all (see `interfaceType`).
 */
export function fullInterfaceName(port: string): string | undefined {
  const match = /^([A-Za-z-]+)(.*)$/.exec(port);
  if (!match) return undefined;
  const [, type, rest] = match;
  if (IOS_INTERFACE_TYPES.includes(type!)) return undefined;
  const lower = type!.toLowerCase();
  const exact = IOS_INTERFACE_TYPES.find((t) => t.toLowerCase() === lower);
  if (exact) return `${exact}${rest}`;
  const abbreviated = ABBREVIATIONS[lower];
  if (abbreviated) return `${abbreviated}${rest}`;
  // A unique prefix of a full name, as IOS itself accepts (`Gigabit1/0/1`).
  const prefixed = IOS_INTERFACE_TYPES.filter((t) => t.toLowerCase().startsWith(lower));
  return prefixed.length === 1 ? `${prefixed[0]}${rest}` : undefined;
}

/** Whether the port's type is one of IOS's full interface type names. */
export function hasFullType(port: string): boolean {
  const type = /^[A-Za-z-]+/.exec(port)?.[0];
  return type !== undefined && IOS_INTERFACE_TYPES.includes(type);
}

export type SwitchPortMedia = "copper" | "sfp" | "management";

export interface SwitchPortGroup {
  /** A port spec, ranges on the last number: `GigabitEthernet1/0/1-24`. */
  ports: string;
  media: SwitchPortMedia;
}

export interface SwitchModelPorts {
  /** As the inventory writes it (`switches[].model`). */
  model: string;
  /** Product IDs that name the same hardware. */
  aliases: readonly string[];
  groups: readonly SwitchPortGroup[];
}

/**
 * Catalyst 2960-X, one switch (stack member 1), the -TS-L models: 24 or 48
 * copper ports, four SFP uplinks numbered after them, and the FastEthernet0
 * management port (a routed port, not a switchport). The 24-port row is the
 * hardware the lab emulates (packages/lab, ios-hardware.ts: WS-C2960X-24TS-L);
 * the 48-port row follows the same layout (the recorded 48-port stack in
 * test/fixtures/ios-captures numbers its ports so).
 */
export const SWITCH_MODELS: readonly SwitchModelPorts[] = [
  {
    model: "Catalyst 2960-X 24",
    aliases: ["WS-C2960X-24TS-L"],
    groups: [
      { ports: "GigabitEthernet1/0/1-24", media: "copper" },
      { ports: "GigabitEthernet1/0/25-28", media: "sfp" },
      { ports: "FastEthernet0", media: "management" },
    ],
  },
  {
    model: "Catalyst 2960-X 48",
    aliases: ["WS-C2960X-48TS-L"],
    groups: [
      { ports: "GigabitEthernet1/0/1-48", media: "copper" },
      { ports: "GigabitEthernet1/0/49-52", media: "sfp" },
      { ports: "FastEthernet0", media: "management" },
    ],
  },
];

const normalise = (model: string) => model.trim().replace(/\s+/g, " ").toUpperCase();

export function switchModel(model: string | undefined): SwitchModelPorts | undefined {
  if (model === undefined) return undefined;
  const wanted = normalise(model);
  return SWITCH_MODELS.find((m) => [m.model, ...m.aliases].some((name) => normalise(name) === wanted));
}

/** Every port of a model with its media, in order. */
export function modelPorts(model: SwitchModelPorts): Map<string, SwitchPortMedia> {
  return new Map(model.groups.flatMap((g) => expandPorts(g.ports).map((p) => [p, g.media] as const)));
}

/** `GigabitEthernet1/0/1-24 (copper), GigabitEthernet1/0/25-28 (SFP uplinks), FastEthernet0 (management)` */
export function describeModelPorts(model: SwitchModelPorts): string {
  const label: Record<SwitchPortMedia, string> = { copper: "copper", sfp: "SFP uplinks", management: "management" };
  return model.groups.map((g) => `${g.ports} (${label[g.media]})`).join(", ");
}
