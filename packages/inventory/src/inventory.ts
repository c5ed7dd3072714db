/**
 * The whole pipeline for one province: read → parse with positions →
 * schema-validate → resolve → plan → semantic checks, collecting every
 * problem of every file instead of stopping at the first.
 */
import { readFileSync } from "node:fs";
import { sortDiagnostics, type Diagnostic, type Finding } from "./diagnostic";
import { decodeUtf8 } from "./load/utf8";
import { parseYaml, type YamlFile } from "./load/yaml-file";
import type { InventoryTarget } from "./discover";
import type { CommuneModel, ProvinceModel } from "./model/model";
import { resolveCommune, resolveProvince } from "./model/resolve";
import { planCommune, type CommunePlan } from "./plan/commune-plan";
import { checkAcrossCommunes } from "./checks/across-communes";
import { checkBlankStrings } from "./checks/blank-strings";
import { checkCommune } from "./checks/commune-checks";
import { checkDevices } from "./checks/device-checks";
import { checkProvince } from "./checks/province-checks";
import type { Commune, Province } from "./schema/schema-types.generated";
import { validateDocument } from "./schema/validate";

export interface InventoryFiles {
  provinceFile: string;
  communeFiles: readonly string[];
}

export interface Inventory {
  /** Undefined when the province file itself is invalid. */
  province?: ProvinceModel;
  /** The communes that passed schema validation, in file order. */
  communes: CommuneModel[];
  /** Their addressing plans. */
  plans: CommunePlan[];
  /** Every problem found, sorted by file and position. */
  diagnostics: Diagnostic[];
}

/** A file's contents: its bytes (decoded here as strict UTF-8), or text already decoded (tests). */
export type ReadFile = (file: string) => string | Uint8Array;

const readBytes: ReadFile = (file) => readFileSync(file);

function load(file: string, read: ReadFile): YamlFile | Diagnostic {
  try {
    const contents = read(file);
    if (typeof contents === "string") return parseYaml(file, contents);
    const decoded = decodeUtf8(file, contents);
    return "text" in decoded ? parseYaml(file, decoded.text) : decoded.diagnostic;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (err as Error).message;
    return { file, line: 1, col: 1, path: "", message: `cannot read the file: ${why}` };
  }
}

/**
 * A check of a later stage run over the valid communes, reported like the
 * inventory's own (the province's flow policy verified by @communes/verify).
 */
export type InventoryCheck = (province: ProvinceModel, communes: readonly CommuneModel[], plans: readonly CommunePlan[]) => Finding[];

export function loadInventory(files: InventoryFiles, read: ReadFile = readBytes, checks: readonly InventoryCheck[] = []): Inventory {
  const diagnostics: Diagnostic[] = [];
  const yamlFiles = new Map<string, YamlFile>();
  const parse = (file: string): YamlFile | undefined => {
    const loaded = load(file, read);
    if ("line" in loaded) {
      diagnostics.push(loaded);
      return undefined;
    }
    yamlFiles.set(file, loaded);
    diagnostics.push(...loaded.diagnostics);
    return loaded.data === undefined ? undefined : loaded;
  };

  const findings: Finding[] = [];
  let province: ProvinceModel | undefined;
  let provinceDoc: Province | undefined;
  const provinceYaml = parse(files.provinceFile);
  if (provinceYaml) {
    const problems = validateDocument("province", provinceYaml);
    diagnostics.push(...problems);
    if (problems.length === 0) {
      findings.push(...checkBlankStrings(files.provinceFile, provinceYaml.data));
      provinceDoc = provinceYaml.data as Province;
      province = resolveProvince(files.provinceFile, provinceDoc);
    }
  }

  const communes: CommuneModel[] = [];
  for (const file of files.communeFiles) {
    const yaml = parse(file);
    if (!yaml) continue;
    const problems = validateDocument("commune", yaml);
    diagnostics.push(...problems);
    if (problems.length === 0) findings.push(...checkBlankStrings(file, yaml.data));
    if (problems.length === 0 && provinceDoc) communes.push(resolveCommune(file, yaml.data as Commune, provinceDoc.defaults));
  }

  const plans: CommunePlan[] = [];
  if (province) {
    findings.push(...checkProvince(province));
    for (const commune of communes) {
      const { plan, findings: planFindings } = planCommune(province, commune);
      findings.push(...planFindings, ...checkCommune(province, commune, plan), ...checkDevices(province, commune));
      if (plan) plans.push(plan);
    }
    findings.push(...checkAcrossCommunes(province, communes, plans));
    // Later stages check only what the inventory's own checks found sound.
    if (findings.length === 0 && diagnostics.length === 0) for (const check of checks) findings.push(...check(province, communes, plans));
  }
  for (const f of findings) diagnostics.push(yamlFiles.get(f.file)!.diagnostic(f.path, f.message, f.at));
  return { ...(province ? { province } : {}), communes, plans, diagnostics: sortDiagnostics(diagnostics) };
}

/** The problems of the files asked for and of their province: what a command on them reports (and stops on). */
export function requestedDiagnostics(target: InventoryTarget, inventory: Inventory): Diagnostic[] {
  return inventory.diagnostics.filter((d) => target.requested.has(d.file) || d.file === target.provinceFile);
}
