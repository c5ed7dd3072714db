/** `communes:routeros:ConfigExport`: its inputs and state (config-export-type.ts), the comparison a drift audit's refresh adds (export-comparison.ts). */
import type { AuditDifference, ExportLineDifference } from "@communes/routeros";
import type { ConfigExportInputs, ConfigExportState } from "../routeros/config-export-type";
import type { ExportComparison } from "../routeros/export-comparison";
import { object, objectType, optional, required, type Fields } from "./object-shape";
import { list, map, nonEmptyString, readShape, string, type Reading } from "./shape";
import type { ResourceShapes } from "./resource-shapes";

const INPUTS: Fields<ConfigExportInputs> = {
  router: required(nonEmptyString(), "The router's name, for messages."),
  trigger: required(nonEmptyString(), "Changes whenever the router's intended configuration does (a hash of it): a new export is taken then."),
};

const exportLine = objectType<ExportLineDifference>("communes:routeros:ExportLineDifference", "A line of `/export` found on one side only.", {
  menu: required(string(), "The menu, as a path: `/ip/firewall/filter`."),
  live: optional(string(), "In the live export, not in the recorded one."),
  recorded: optional(string(), "In the recorded export, not in the live one."),
});

const auditedEntry = objectType<AuditDifference>("communes:routeros:AuditDifference", "An entry of an audited menu added, removed or changed.", {
  menu: required(string(), "The menu, as a path."),
  entry: required(string(), "The entry's name, or the whole line when it has none."),
  live: optional(string(), "In the live reading, not in the recorded one."),
  recorded: optional(string(), "In the recorded reading, not in the live one."),
});

const comparison = objectType<ExportComparison>("communes:routeros:ExportComparison", "The router now against the record, as a drift audit's refresh finds it.", {
  exportLines: required(list(exportLine), "Lines of the live `/export` not in the recorded one, or gone from it, by menu."),
  auditedEntries: required(list(auditedEntry), "Entries of the audited menus added, removed or changed."),
  exportError: optional(string(), "Why the live `/export` could not be compared."),
  auditedError: optional(string(), "Why the audited menus could not be compared."),
});

const CONFIG_EXPORT_STATE = object<ConfigExportState>({
  ...INPUTS,
  script: required(string(), "What `/export` printed (passwords hidden)."),
  sha256: required(string(), "SHA-256 of the script, hex."),
  exportedAt: required(string(), "When it was taken, ISO 8601."),
  audited: required(map(list(string())), "The menus `/export` never lists (users, groups, SSH keys, scheduler, scripts, services), as the API printed them: menu → lines."),
  comparison: optional(comparison, "Only in a drift audit's refresh: the router now against this record."),
});

export const CONFIG_EXPORT_SHAPES: ResourceShapes<ConfigExportInputs, ConfigExportState> = {
  description: "The router's configuration exported before a change of its intent, with the menus `/export` never lists: the audit trail, kept in the stack's state and history.",
  inputs: object(INPUTS),
  state: CONFIG_EXPORT_STATE,
};

export function readConfigExportState(value: unknown): Reading<ConfigExportState> {
  return readShape(CONFIG_EXPORT_STATE, value);
}
