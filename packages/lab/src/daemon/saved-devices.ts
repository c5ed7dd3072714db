/**
 * What the lab's devices keep when the lab stops, as real ones keep it
 * across a power cut: the router its whole configuration, each switch its
 * startup configuration (what `write memory` saved; unsaved changes are
 * lost, as on a reload), each endpoint its settings. One file per commune in
 * `<lab-dir>/devices/`, written when the lab stops and read when it starts.
 * They hold the lab's fixed credentials and whatever the stacks set on the
 * devices, so they are readable by their owner only.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { CommuneLab } from "../commune-lab";
import { loadConfig, saveConfig, type SavedSwitchConfig } from "../ios/ios-state";
import type { SavedRouter } from "../routeros/device";

/** The directory of the saved device memories. */
export const SAVED_DEVICES = "devices";

interface SavedCommune {
  format: 1;
  router: SavedRouter;
  switches: Record<string, SavedSwitchConfig>;
  endpoints: Record<string, Record<string, string>>;
}

export class SavedDevicesError extends Error {}

function savedFile(labDir: string, communeFile: string): string {
  return path.join(labDir, SAVED_DEVICES, `${path.basename(communeFile, path.extname(communeFile))}.json`);
}

export function saveDevices(labDir: string, communeFile: string, lab: CommuneLab): void {
  const saved: SavedCommune = {
    format: 1,
    router: lab.router.device.saved(),
    switches: Object.fromEntries(Object.entries(lab.switches).map(([name, s]) => [name, saveConfig(s.server.device.startup)])),
    endpoints: Object.fromEntries(Object.entries(lab.endpoints).map(([name, e]) => [name, e.device.saved()])),
  };
  const file = savedFile(labDir, communeFile);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(saved)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/**
 * Boots the commune's devices from what they saved, if anything: true when
 * they did. Devices the inventory no longer has are left out; new ones start
 * factory-new. A file that cannot be read stops the lab, naming it.
 */
export function restoreDevices(labDir: string, communeFile: string, lab: CommuneLab): boolean {
  const file = savedFile(labDir, communeFile);
  if (!existsSync(file)) return false;
  let saved: SavedCommune;
  try {
    saved = JSON.parse(readFileSync(file, "utf8")) as SavedCommune;
    if (saved.format !== 1) throw new Error(`format ${JSON.stringify(saved.format)} is not 1`);
  } catch (err) {
    throw new SavedDevicesError(`${file}: the devices' saved configuration cannot be read (${(err as Error).message}); start the lab with --fresh to start them factory-new`);
  }
  lab.router.device.restore(saved.router);
  for (const [name, config] of Object.entries(saved.switches)) {
    const device = lab.switches[name]?.server.device;
    if (!device) continue;
    device.startup = loadConfig(config);
    device.running = loadConfig(config);
  }
  for (const [name, settings] of Object.entries(saved.endpoints)) lab.endpoints[name]?.device.restore(settings);
  return true;
}

/** Forgets every saved device memory: the next start is factory-new. */
export function forgetDevices(labDir: string): void {
  rmSync(path.join(labDir, SAVED_DEVICES), { recursive: true, force: true });
}
