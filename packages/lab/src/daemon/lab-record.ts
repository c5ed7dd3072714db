/**
 * The record a running lab keeps in its directory (`lab.json`): which
 * process serves it, the inventory it was started from, and per commune its
 * devices and the stack configuration that points at them. The credentials
 * in it are the lab's fixed, published ones (never a real device's); the
 * file is still written readable by its owner only.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { StackConfig } from "@communes/network/stack-settings";

export interface LabDevice {
  kind: "router" | "switch" | "endpoint";
  /** Router or switch hostname, endpoint system name. */
  name: string;
  host: string;
  port: number;
  /** What is served there: "RouterOS API", "SSH", "HTTPS"… */
  service: string;
}

export interface LabCommune {
  file: string;
  kind: string;
  name: string;
  devices: LabDevice[];
  config: StackConfig;
  /** True when the devices booted from the configuration they saved when the lab last stopped. */
  restored: boolean;
}

export interface LabRecord {
  pid: number;
  startedAt: string;
  /** The commune file or province directory the lab was started from. */
  inventory: string;
  communes: LabCommune[];
}

export const LAB_RECORD = "lab.json";
/** Written by a lab that failed to start, read by whoever started it. */
export const LAB_FAILURE = "lab.failed";

export function writeLabRecord(dir: string, record: LabRecord): void {
  const file = path.join(dir, LAB_RECORD);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function readLabRecord(dir: string): LabRecord | undefined {
  const file = path.join(dir, LAB_RECORD);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as LabRecord;
}

export function removeLabRecord(dir: string): void {
  rmSync(path.join(dir, LAB_RECORD), { force: true });
}

/** The script that runs a lab in the background (lab-daemon.ts, compiled). */
export const LAB_DAEMON_SCRIPT = path.join(__dirname, "lab-daemon.js");
