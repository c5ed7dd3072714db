/**
 * Import IDs: how a program asks the engine to take an existing device
 * object into the stack (the `import` resource option) rather than create
 * it. The engine's import read receives no state, yet a read must know what
 * the resource manages: which entries of a merge-owned menu, which switch
 * ports and management VLAN, which endpoint settings. So the import ID is a
 * JSON object with the resource's ID and that shape: names and keys only,
 * never a value (write-only settings such as passwords are left out).
 */
import { canonicalEntry, entryKey, menuTable } from "@communes/routeros";
import type { SwitchState } from "@communes/switch";
import { WRITE_ONLY, type EndpointSettings, type SettingName } from "@communes/endpoint";
import type { PropertyMap } from "./wire";

interface ImportId {
  id: string;
  shape: PropertyMap;
}

function encode(id: string, shape: PropertyMap): string {
  return JSON.stringify({ id, shape } satisfies ImportId);
}

/** A RouterOS menu, with the keys of the entries the program declares. */
export function tableImportId(path: string, entries: ReadonlyArray<Readonly<Record<string, string>>>): string {
  const table = menuTable(path);
  const keys = entries.map((e) => entryKey(table, canonicalEntry(table, e).entry));
  return encode(path, { path, entries: Object.fromEntries(keys.map((k) => [k, {}])) });
}

/** A switch, with the ports and management VLAN the program declares, and the legacy SSH algorithms its family needs to be reached at all. */
export function switchImportId(state: Pick<SwitchState, "hostname" | "ports" | "management" | "sshLegacyAlgorithms" | "loggingHosts">): string {
  return encode(state.hostname, {
    hostname: state.hostname,
    ports: Object.fromEntries(Object.keys(state.ports).map((p) => [p, {}])),
    management: { vlan: state.management.vlan },
    ...(state.sshLegacyAlgorithms ? { sshLegacyAlgorithms: state.sshLegacyAlgorithms } : {}),
    // Read the syslog servers too when the program manages them.
    ...(state.loggingHosts ? { loggingHosts: [] } : {}),
  });
}

/** An endpoint, with the settings the program declares (write-only ones cannot be read, so they are not asked for). */
export function endpointImportId(systemName: string, settings: EndpointSettings): string {
  const names = (Object.keys(settings) as SettingName[]).filter((n) => !WRITE_ONLY.has(n));
  return encode(systemName, { systemName, settings: Object.fromEntries(names.map((n) => [n, ""])) });
}

/** The resource ID and, for an import ID, the shape to read; any other ID is returned as it is. */
export function parseImportId(raw: string): { id: string; shape?: PropertyMap } {
  if (!raw.startsWith("{")) return { id: raw };
  try {
    const parsed = JSON.parse(raw) as Partial<ImportId>;
    if (typeof parsed.id === "string" && typeof parsed.shape === "object" && parsed.shape !== null) return { id: parsed.id, shape: parsed.shape };
  } catch {
    // Not an import ID: an ordinary ID that happens to start with a brace.
  }
  return { id: raw };
}
