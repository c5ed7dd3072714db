/**
 * What `communes:routeros:ConfigExport` found when it compared the router
 * with its record during a refresh: the lines of the live `/export` that
 * differ from the recorded one (the menus `/export` never lists left out),
 * the entries of the audited menus (users, scheduler, services…) that
 * differ, and what could not be read. The refresh's state carries it as the
 * output `comparison`; the recorded `script` and `audited` stay as they were.
 * No Pulumi module is loaded here (`@communes/provider/export-comparison`):
 * the CLI's drift audit reads it.
 */
import type { AuditDifference, ExportLineDifference } from "@communes/routeros";

/**
 * Set to "1" in the engine's environment to have the refresh compare (a
 * drift audit); otherwise reading the export back never asks the router:
 * it is a record, not a setting, and a refresh reads only the menus.
 */
export const COMPARE_EXPORT_ENV = "COMMUNES_COMPARE_EXPORT";

export interface ExportComparison {
  /** Lines of the live `/export` not in the recorded one (`live`), or gone from it (`recorded`), by menu. */
  exportLines: ExportLineDifference[];
  /** Entries of the audited menus added (`live`), removed (`recorded`) or changed (both). */
  auditedEntries: AuditDifference[];
  /** Why the live `/export` could not be compared, naming the router. */
  exportError?: string;
  /** Why the audited menus could not be compared, naming the router. */
  auditedError?: string;
}
