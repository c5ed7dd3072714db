/** Loading an inventory for a command: on problems, print them (file:line:col) and say what was not done. */
import { discover, formatDiagnostic, loadInventory, requestedDiagnostics, type CommuneModel, type CommunePlan, type Inventory, type InventoryTarget, type ProvinceModel } from "@communes/inventory";
import { policyFindings } from "@communes/verify";
import { UsageError, type Output } from "./output";

/** The inventory with the province's policy verified for each commune asked for (`communes verify` shows the detail). */
export function loadVerifiedInventory(target: InventoryTarget): Inventory {
  return loadInventory(target, undefined, [(province, communes, plans) => policyFindings(province, communes.filter((c) => target.requested.has(c.file)), plans)]);
}

/** Loads the inventory (with its policy verified when `policy` is set); on problems prints them and returns undefined. */
export function loadOrReport(target: InventoryTarget, out: Output, notDone: string, policy = false): Inventory | undefined {
  const inventory = policy ? loadVerifiedInventory(target) : loadInventory(target);
  const relevant = requestedDiagnostics(target, inventory);
  if (relevant.length === 0) return inventory;
  for (const d of relevant) out.stdout(formatDiagnostic(d));
  out.stderr(`${relevant.length} problem${relevant.length === 1 ? "" : "s"} found; ${notDone} (run communes validate for details)`);
  return undefined;
}

export interface LoadedCommune {
  province: ProvinceModel;
  commune: CommuneModel;
  plan: CommunePlan;
}

/** One commune file with its province (found above it, or `province`); undefined (problems printed) when invalid. */
export function loadCommune(file: string, out: Output, notDone: string, province?: string): LoadedCommune | undefined {
  const { targets, errors } = discover([file], province);
  if (errors.length > 0) throw new UsageError(errors.join("; "));
  const target = targets[0]!;
  const communeFile = [...target.requested].find((f) => f !== target.provinceFile);
  if (!communeFile) throw new UsageError(`${file} is not a commune file`);
  const inventory = loadOrReport(target, out, notDone);
  if (!inventory) return undefined;
  const commune = inventory.communes.find((c) => c.file === communeFile)!;
  return { province: inventory.province!, commune, plan: inventory.plans.find((p) => p.file === communeFile)! };
}

/** One commune file with its province, or why it cannot be used (nothing printed: for reports that carry on without it). */
export function readCommune(file: string): LoadedCommune | { problem: string } {
  const { targets, errors } = discover([file]);
  if (errors.length > 0) return { problem: errors.join("; ") };
  const inventory = loadInventory(targets[0]!);
  const commune = inventory.communes.find((c) => targets[0]!.requested.has(c.file));
  const plan = inventory.plans.find((p) => p.file === commune?.file);
  if (!inventory.province || !commune || !plan) return { problem: `the inventory ${file} has problems (run communes validate)` };
  return { province: inventory.province, commune, plan };
}

/** A stack's `routerTransport` setting, when it names one of the router's APIs. */
export function routerTransportSetting(value: unknown): CommuneModel["settings"]["router"]["api"]["transport"] | undefined {
  return value === "api" || value === "api-ssl" || value === "rest" ? value : undefined;
}
