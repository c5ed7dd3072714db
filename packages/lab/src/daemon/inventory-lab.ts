/**
 * The lab for a commune file or a whole province directory: every device of
 * every commune at its planned loopback address (lab-addresses.ts), with the
 * record of what runs where.
 */
import * as path from "node:path";
import { discover, formatDiagnostic, loadInventory, requestedDiagnostics } from "@communes/inventory";
import { startLabFor, type CommuneLab } from "../commune-lab";
import type { LabCommune } from "./lab-record";
import { restoreDevices, saveDevices } from "./saved-devices";

export interface InventoryLab {
  communes: LabCommune[];
  /** Saves what every device keeps across a power cut (saved-devices.ts), when the lab has a directory. */
  save(): void;
  close(): Promise<void>;
}

export class LabInventoryError extends Error {}

/**
 * `configBase`: the directory the stack configuration's `inventory` path is
 * written relative to (the commune project's directory). `portOffset`
 * shifts every lab port (lab-addresses.ts). `labDir`: where the devices'
 * saved configurations are; they boot from them when there are some.
 */
export async function startInventoryLab(target: string, configBase: string, portOffset = 0, labDir?: string): Promise<InventoryLab> {
  const { targets, errors } = discover([target]);
  if (errors.length > 0 || targets.length === 0) throw new LabInventoryError(errors.join("; ") || `no inventory at ${target}`);
  const labs: Array<{ file: string; lab: CommuneLab }> = [];
  const communes: LabCommune[] = [];
  const close = async () => {
    for (const { lab } of labs) await lab.close();
  };
  try {
    for (const t of targets) {
      const inventory = loadInventory(t);
      const problems = requestedDiagnostics(t, inventory);
      if (problems.length > 0) throw new LabInventoryError(`the inventory has ${problems.length} problem(s); no lab started:\n${problems.map(formatDiagnostic).join("\n")}`);
      for (const commune of inventory.communes.filter((c) => t.requested.has(c.file))) {
        const plan = inventory.plans.find((p) => p.file === commune.file)!;
        const lab = await startLabFor(inventory.province!, commune, plan, { addresses: "planned", portOffset });
        labs.push({ file: commune.file, lab });
        const restored = labDir !== undefined && restoreDevices(labDir, commune.file, lab);
        communes.push({
          file: commune.file,
          kind: commune.kind,
          name: commune.name,
          restored,
          devices: [
            { kind: "router", name: commune.router.hostname, host: lab.router.host, port: lab.router.port, service: "RouterOS API" },
            ...Object.entries(lab.switches).map(([name, s]) => ({ kind: "switch" as const, name, host: s.host, port: s.port, service: "SSH" })),
            ...Object.entries(lab.endpoints).map(([name, e]) => ({ kind: "endpoint" as const, name, host: e.host, port: e.port, service: `HTTPS (${e.vendor})` })),
          ],
          config: lab.config(path.relative(configBase, commune.file)),
        });
      }
    }
  } catch (err) {
    await close();
    throw err;
  }
  const save = () => {
    if (labDir !== undefined) for (const { file, lab } of labs) saveDevices(labDir, file, lab);
  };
  return { communes, save, close };
}
