/**
 * What adopt cannot put in an inventory and must not import unseen: the
 * router's users, groups, SSH keys, scheduled jobs and scripts (the audited
 * menus no stack manages), other than the stack's own account and
 * RouterOS's built-in groups. Each must be accepted by name
 * (`--accept "/user admin"`) before adopt imports the office; the services
 * are the stack's, so they are not asked about.
 */
import { auditedEntries, type AuditReading } from "@communes/routeros";

const BUILT_IN_GROUPS = new Set(["read", "write", "full"]);

export interface AuditedEntry {
  menu: string;
  name: string;
  line: string;
}

/** How an entry is named on the command line: `/user admin`. */
export function acceptName(entry: AuditedEntry): string {
  return `${entry.menu} ${entry.name}`;
}

export function entriesToAccept(audited: AuditReading, ownUser: string): AuditedEntry[] {
  return auditedEntries(audited).filter(
    (e) => e.menu !== "/ip/service" && !(e.menu === "/user" && e.name === ownUser) && !(e.menu === "/user/group" && BUILT_IN_GROUPS.has(e.name)),
  );
}
