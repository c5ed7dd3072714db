/**
 * The router as it is now against the record `communes:routeros:ConfigExport`
 * keeps: its `/export` over SSH (host key pinned) and its audited menus over
 * the provider's own API transport, with the provider's own credentials.
 * What cannot be read is said in the comparison, never thrown: the other
 * half is still compared, and a refresh changes nothing either way.
 */
import { DeviceError } from "@communes/device-error";
import { AUDITED_MENUS, auditDifferences, exportConfiguration, exportDifferences, readAuditedMenus, sshExportTarget, SshExportError, type AuditReading, type RouterOsAccess, type SshExportTarget } from "@communes/routeros";
import { OperationError } from "../resource-type";
import { transportFor } from "./connections";
import type { ExportComparison } from "./export-comparison";

/** RouterOS hides its passwords; the router's own, typed into a comment by hand, is hidden here. */
export function hidePassword(text: string, password: string): string {
  return password ? text.split(password).join("[secret]") : text;
}

/** Where the router's `/export` is taken; an OperationError when its SSH host key is not pinned. */
export function requireSshTarget(router: string, c: RouterOsAccess): SshExportTarget {
  const target = sshExportTarget(router, c);
  if (!target) throw new OperationError(`${router}: routeros.sshHostKeyFingerprint is needed to export the configuration over SSH (the host key is pinned, never trusted blindly)`);
  return target;
}

/** The router's `/export` now, its password hidden; SshExportError when it could not be taken. */
export async function liveExport(router: string, c: RouterOsAccess): Promise<string> {
  return hidePassword(await exportConfiguration(requireSshTarget(router, c)), c.password);
}

function hiddenReading(reading: AuditReading, password: string): AuditReading {
  return Object.fromEntries(Object.entries(reading).map(([menu, lines]) => [menu, lines.map((l) => hidePassword(l, password))]));
}

export async function compareWithRouter(recorded: { router: string; script: string; audited?: AuditReading }, c: RouterOsAccess): Promise<ExportComparison> {
  const { router } = recorded;
  const comparison: ExportComparison = { exportLines: [], auditedEntries: [] };
  if (!sshExportTarget(router, c)) comparison.exportError = `${router}: no SSH access recorded for the router, so the menus no stack manages were not compared`;
  else {
    try {
      // The audited menus are compared through the API (the export lacks users), never twice.
      comparison.exportLines = exportDifferences(recorded.script, await liveExport(router, c), new Set(AUDITED_MENUS.map((m) => m.path)));
    } catch (err) {
      if (!(err instanceof SshExportError)) throw err;
      comparison.exportError = `${err.message}; the menus no stack manages were not compared`;
    }
  }
  if (!recorded.audited) comparison.auditedError = `${router}: the stack's last export has no reading of users, scheduler and services (taken before this version); run up to take one`;
  else {
    try {
      comparison.auditedEntries = auditDifferences(hiddenReading(recorded.audited, c.password), hiddenReading(await readAuditedMenus(transportFor(c)), c.password));
    } catch (err) {
      if (!(err instanceof DeviceError)) throw err;
      comparison.auditedError = `${router}: could not read its users, scheduler and services: ${err.message}`;
    }
  }
  return comparison;
}
