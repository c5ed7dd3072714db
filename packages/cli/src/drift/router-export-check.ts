/**
 * The router's menus no stack manages, checked all the same: a user added
 * by hand (`/user`), a port disabled (`/interface`) never shows in a
 * refresh, since no resource reads those menus. The stack keeps the
 * router's whole `/export` from before its last change, and a reading of
 * the menus `/export` never lists (users, groups, SSH keys, scheduler,
 * scripts, services) through the API (`communes:routeros:ConfigExport`);
 * an `up` never touches the menus it does not manage, so that is what they
 * should still hold. The live `/export` (over SSH, host key pinned) and the
 * live reading (over the stack's API transport, certificate pinned), with
 * the router's credentials from the stack's state, are compared with them,
 * for those menus only; the managed ones are the refresh's.
 */
import { AUDITED_MENUS, auditDifferences, exportConfiguration, openTransport, readAuditedMenus, SshExportError, type AuditReading, type RouterOsAccess } from "@communes/routeros";
import { runPulumi } from "../pulumi/pulumi-cli";
import { parseUrn } from "../pulumi/urn";
import type { Finding } from "./audit";
import { parseTableResourceName, TOKENS } from "@communes/provider/contract";

export interface RouterExportCheck {
  /** The router's name. */
  device: string;
  findings: Finding[];
  errors: string[];
}

interface StateResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

interface RouterAccess extends RouterOsAccess {
  sshPort?: number;
  sshHostKeyFingerprint?: string;
}

/** A property Pulumi shows with --show-secrets: the value, or an envelope holding it as JSON text. */
function revealed(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "plaintext" in value) return revealed(JSON.parse(String((value as { plaintext: unknown }).plaintext)));
  return typeof value === "string" && value.startsWith("{") ? JSON.parse(value) : value;
}

/** The menu path of a section header: `/ip firewall filter` → `/ip/firewall/filter`. */
function menuPath(header: string): string {
  return `/${header.slice(1).trim().split(/\s+/).join("/")}`;
}

/** An export's lines by menu: comments left out, lines RouterOS wrapped (`\` at the end) joined. */
export function exportSections(script: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let menu: string | undefined;
  let pending = "";
  for (const raw of script.split(/\r?\n/)) {
    const line = pending + (pending ? raw.trimStart() : raw);
    if (line.endsWith("\\")) {
      pending = line.slice(0, -1);
      continue;
    }
    pending = "";
    if (line.trim() === "" || line.startsWith("#")) continue;
    if (line.startsWith("/")) {
      menu = menuPath(line);
      if (!sections.has(menu)) sections.set(menu, []);
    } else if (menu !== undefined) sections.get(menu)!.push(line.trim());
  }
  return sections;
}

/** The lines of the menus not in `managed` that one export has and the other lacks. */
export function unmanagedDifferences(recorded: string, live: string, managed: ReadonlySet<string>): Finding[] {
  const [before, now] = [exportSections(recorded), exportSections(live)];
  const findings: Finding[] = [];
  for (const menu of [...new Set([...before.keys(), ...now.keys()])].filter((m) => !managed.has(m)).sort()) {
    const [was, is] = [before.get(menu) ?? [], now.get(menu) ?? []];
    for (const line of is.filter((l) => !was.includes(l))) findings.push({ kind: "unmanaged", resource: menu, property: "export line", live: line });
    for (const line of was.filter((l) => !is.includes(l))) findings.push({ kind: "missing", resource: menu, property: "export line", recorded: line });
  }
  return findings;
}

/** The live reading of the audited menus no stack manages, compared with the recorded one, as findings. */
async function auditedMenuFindings(access: RouterAccess, recorded: AuditReading, managed: ReadonlySet<string>): Promise<Finding[]> {
  const transport = openTransport(access);
  try {
    const live = await readAuditedMenus(transport);
    return auditDifferences(recorded, live)
      .filter((d) => !managed.has(d.menu))
      .flatMap((d): Finding[] => [
        ...(d.recorded !== undefined ? [{ kind: "missing" as const, resource: d.menu, property: "entry", recorded: `add ${d.recorded}` }] : []),
        ...(d.live !== undefined ? [{ kind: "unmanaged" as const, resource: d.menu, property: "entry", live: `add ${d.live}` }] : []),
      ]);
  } finally {
    await transport.close().catch(() => undefined);
  }
}

/** Every router of the stack that has an export to compare with; [] when the stack's state cannot be read (the refresh says why). */
export async function checkUnmanagedMenus(stack: string): Promise<RouterExportCheck[]> {
  const result = await runPulumi(["stack", "export", "--show-secrets", "--stack", stack]);
  if (result.code !== 0) return [];
  let resources: StateResource[];
  try {
    resources = (JSON.parse(result.stdout) as { deployment?: { resources?: StateResource[] } }).deployment?.resources ?? [];
  } catch {
    return [];
  }
  const exports = resources.filter((r) => r.type === TOKENS.configExport && typeof r.outputs?.script === "string");
  return Promise.all(
    exports.map(async (exported): Promise<RouterExportCheck> => {
      const device = String(exported.inputs?.router ?? parseUrn(exported.urn).name);
      const provider = resources.find((r) => r.type === TOKENS.provider && parseUrn(r.urn).name === device);
      const access = provider ? (revealed(provider.inputs?.routeros) as RouterAccess | undefined) : undefined;
      if (!access?.sshHostKeyFingerprint) return { device, findings: [], errors: [`${device}: no SSH access recorded for the router, so the menus no stack manages were not compared`] };
      const managed = new Set(resources.filter((r) => r.type === TOKENS.table).map((r) => parseTableResourceName(parseUrn(r.urn).name)).filter((t) => t.router === device).map((t) => t.path));
      const findings: Finding[] = [];
      const errors: string[] = [];
      // The audited menus are compared through the API (the export lacks users), never twice.
      const elsewhere = new Set([...managed, ...AUDITED_MENUS.map((m) => m.path)]);
      try {
        const live = await exportConfiguration({ device, host: access.host, ...(access.sshPort ? { port: access.sshPort } : {}), username: access.username, password: access.password, hostKeyFingerprint: access.sshHostKeyFingerprint });
        findings.push(...unmanagedDifferences(String(exported.outputs!.script), live, elsewhere));
      } catch (err) {
        if (!(err instanceof SshExportError)) throw err;
        errors.push(`${err.message}; the menus no stack manages were not compared`);
      }
      const audited = exported.outputs!.audited as AuditReading | undefined;
      if (!audited) errors.push(`${device}: the stack's last export has no reading of users, scheduler and services (taken before this version); run up to take one`);
      else {
        try {
          findings.push(...(await auditedMenuFindings(access, audited, managed)));
        } catch (err) {
          errors.push(`${device}: could not read its users, scheduler and services: ${(err as Error).message}`);
        }
      }
      return { device, findings, errors };
    }),
  );
}
