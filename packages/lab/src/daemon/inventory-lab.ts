/**
 * The lab for a commune file or a whole province directory: every device of
 * every commune at its planned loopback address (lab-addresses.ts), with the
 * record of what runs where.
 */
import * as path from "node:path";
import { discover, formatDiagnostic, loadInventory } from "@communes/inventory";
import { startLabFor, type CommuneLab } from "../commune-lab";
import type { LabCommune } from "./lab-record";

export interface InventoryLab {
  communes: LabCommune[];
  close(): Promise<void>;
}

export class LabInventoryError extends Error {}

/**
 * `configBase`: the directory the stack configuration's `inventory` path is
 * written relative to (the commune project's directory). `portOffset`
 * shifts every lab port (lab-addresses.ts).
 */
export async function startInventoryLab(target: string, configBase: string, portOffset = 0): Promise<InventoryLab> {
  const { targets, errors } = discover([target]);
  if (errors.length > 0 || targets.length === 0) throw new LabInventoryError(errors.join("; ") || `no inventory at ${target}`);
  const labs: CommuneLab[] = [];
  const communes: LabCommune[] = [];
  const close = async () => {
    for (const lab of labs) await lab.close();
  };
  try {
    for (const t of targets) {
      const inventory = loadInventory(t);
      const problems = inventory.diagnostics.filter((d) => t.requested.has(d.file) || d.file === t.provinceFile);
      if (problems.length > 0) throw new LabInventoryError(`the inventory has ${problems.length} problem(s); no lab started:\n${problems.map(formatDiagnostic).join("\n")}`);
      for (const commune of inventory.communes.filter((c) => t.requested.has(c.file))) {
        const plan = inventory.plans.find((p) => p.file === commune.file)!;
        const lab = await startLabFor(inventory.province!, commune, plan, { addresses: "planned", portOffset });
        labs.push(lab);
        communes.push({
          file: commune.file,
          kind: commune.kind,
          name: commune.name,
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
  return { communes, close };
}
