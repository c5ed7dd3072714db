/** What a drift audit found: per stack (commune), per device, per property. */
import type { RecordedBy } from "./recorded-by";

/** What an audit of a device, a stack or all of them concluded. */
export type Status = "clean" | "drift" | "could-not-check" | "drift-and-could-not-check";

export type DeviceKind = "router" | "switch" | "endpoint";

/** One difference between what the stack recorded and what the device holds. */
export type Finding =
  /** A property whose live value is not the recorded one; for an order, the entries that moved. */
  | { kind: "changed"; resource?: string; property: string; recorded: unknown; live: unknown; moved?: string[] }
  /** An entry on the device the stack does not manage (a rule added by hand, an extra VLAN). */
  | { kind: "unmanaged"; resource?: string; property: string; live: unknown }
  /** An entry the stack recorded that is no longer on the device. */
  | { kind: "missing"; resource?: string; property: string; recorded: unknown }
  /** What the device lets through (or blocks) against the policy or a need of its configuration. */
  | { kind: "reachability"; resource?: string; property: string; recorded: string; live: string };

export interface DeviceAudit {
  /** The device's own name: router or switch hostname, endpoint system name. */
  name: string;
  kind: DeviceKind;
  /** Never `clean` when any part of the device could not be read. */
  status: Status;
  /** Why it could not be checked (the engine's or the device's words). */
  errors: string[];
  findings: Finding[];
}

export interface StackAudit {
  stack: string;
  /** The commune's name as the stack recorded it (`xã Thiệu Trung`), or the stack name when unknown. */
  commune: string;
  status: Status;
  /** Failures of the stack as a whole (no device could be checked, or the engine stopped). */
  errors: string[];
  devices: DeviceAudit[];
  seconds: number;
  /** The stack operation whose recorded state the devices were compared with. */
  recordedBy?: RecordedBy;
}

export interface DriftReport {
  /** ISO time the audit started. */
  startedAt: string;
  status: Status;
  stacks: StackAudit[];
}

/** The overall status of several parts. */
export function combine(statuses: readonly Status[]): Status {
  const drift = statuses.some((s) => s === "drift" || s === "drift-and-could-not-check");
  const unchecked = statuses.some((s) => s === "could-not-check" || s === "drift-and-could-not-check");
  if (drift && unchecked) return "drift-and-could-not-check";
  return drift ? "drift" : unchecked ? "could-not-check" : "clean";
}

/** Exit codes of `communes drift`. */
export const EXIT = { clean: 0, drift: 1, usage: 2, "could-not-check": 3, "drift-and-could-not-check": 4 } as const;
