/**
 * What the inventory knows about router hardware: the ports of each router
 * model and their speeds, for the checks on the trunk and the uplinks.
 * Models not in the table get the speeds their interface names imply
 * (see `assumedSpeedMbps`).
 */

/** The router interface of the trunk to the switch when `router.trunk` is not given (the model resolves it; the intent and its inverse read the model). */
export const DEFAULT_ROUTER_TRUNK = "ether3";

export interface RouterPort {
  name: string;
  speedMbps: number;
}

export interface RouterModelPorts {
  /** As the inventory writes it (`router.model`). */
  model: string;
  ports: readonly RouterPort[];
}

const ethers = (from: number, to: number, speedMbps: number): RouterPort[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ name: `ether${from + i}`, speedMbps }));

/**
 * MikroTik RB5009UG+S+IN: ether1 is 2.5 Gb/s, ether2-ether8 are 1 Gb/s,
 * sfp-sfpplus1 is a 10 Gb/s SFP+ cage (the model's published port list;
 * unverified against a source here, see docs/inventory.md).
 */
export const ROUTER_MODELS: readonly RouterModelPorts[] = [
  { model: "RB5009UG+S+IN", ports: [...ethers(1, 1, 2500), ...ethers(2, 8, 1000), { name: "sfp-sfpplus1", speedMbps: 10000 }] },
];

const normalise = (model: string) => model.trim().replace(/\s+/g, " ").toUpperCase();

export function routerModel(model: string | undefined): RouterModelPorts | undefined {
  if (model === undefined) return undefined;
  return ROUTER_MODELS.find((m) => normalise(m.model) === normalise(model));
}

/**
 * The speed a port of a model not in the table is assumed to have, from its
 * RouterOS name: etherN 1 Gb/s (most MikroTik copper ports; a faster one
 * needs its model in ROUTER_MODELS), sfpN and comboN 1 Gb/s,
 * sfp-sfpplusN 10 Gb/s, qsfpplusN 40 Gb/s.
 */
export function assumedSpeedMbps(port: string): number {
  if (port.startsWith("sfp-sfpplus")) return 10000;
  if (port.startsWith("qsfpplus")) return 40000;
  return 1000;
}
