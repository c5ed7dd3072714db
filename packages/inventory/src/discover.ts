/**
 * Which files make up an inventory. A province directory holds
 * `province.yaml` and `communes/*.yaml`; a commune file belongs to the
 * province found in its directory or above it.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

export const PROVINCE_FILE = "province.yaml";

export interface InventoryTarget {
  provinceFile: string;
  /** Every commune of the province, so checks across communes see them all. */
  communeFiles: string[];
  /** The files the user asked about: only their problems are reported. */
  requested: Set<string>;
}

function isYaml(name: string): boolean {
  return name.endsWith(".yaml") || name.endsWith(".yml");
}

export function communeFilesOf(provinceFile: string): string[] {
  const dir = path.join(path.dirname(provinceFile), "communes");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(isYaml)
    .sort()
    .map((name) => path.join(dir, name));
}

function provinceAbove(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const candidate = path.join(dir, PROVINCE_FILE);
    // Keep the user's style: absolute in, absolute out; otherwise relative to where they are.
    if (existsSync(candidate)) return path.isAbsolute(file) ? candidate : path.relative(process.cwd(), candidate) || PROVINCE_FILE;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Groups the given files and directories by province. `explicitProvince`
 * (the `--province` option) takes precedence over discovery.
 */
export function discover(args: readonly string[], explicitProvince?: string): { targets: InventoryTarget[]; errors: string[] } {
  const byProvince = new Map<string, InventoryTarget>();
  const errors: string[] = [];
  const target = (provinceFile: string): InventoryTarget => {
    let t = byProvince.get(provinceFile);
    if (!t) {
      t = { provinceFile, communeFiles: communeFilesOf(provinceFile), requested: new Set([provinceFile]) };
      byProvince.set(provinceFile, t);
    }
    return t;
  };
  for (const arg of args) {
    if (!existsSync(arg)) {
      errors.push(`${arg}: no such file or directory`);
      continue;
    }
    if (statSync(arg).isDirectory()) {
      const provinceFile = explicitProvince ?? path.join(arg, PROVINCE_FILE);
      if (!existsSync(provinceFile)) {
        errors.push(`${arg}: no ${PROVINCE_FILE} here; give a province directory or use --province`);
        continue;
      }
      const t = target(provinceFile);
      for (const f of t.communeFiles) t.requested.add(f);
      continue;
    }
    if (path.basename(arg) === PROVINCE_FILE && !explicitProvince) {
      target(arg);
      continue;
    }
    const provinceFile = explicitProvince ?? provinceAbove(arg);
    if (!provinceFile) {
      errors.push(`${arg}: no ${PROVINCE_FILE} found in its directory or above; use --province`);
      continue;
    }
    const t = target(provinceFile);
    const normal = path.normalize(arg);
    if (!t.communeFiles.some((f) => path.resolve(f) === path.resolve(normal))) t.communeFiles.push(normal);
    t.requested.add(t.communeFiles.find((f) => path.resolve(f) === path.resolve(normal))!);
  }
  return { targets: [...byProvince.values()], errors };
}
