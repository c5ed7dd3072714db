/** Readings of the audited menus and what differs between two of them. */
import { describe, expect, it } from "vitest";
import type { PrintOptions, Row, RouterOsTransport } from "../client/transport";
import { auditDifferences, readAuditedMenus } from "./audited-menus";

function router(menus: Record<string, Row[]>): RouterOsTransport {
  const refuse = () => Promise.reject(new Error("a reading writes nothing"));
  return { print: (path: string, _o?: PrintOptions) => Promise.resolve(menus[path] ?? []), add: refuse, set: refuse, unset: refuse, remove: refuse, move: refuse, close: () => Promise.resolve() };
}

describe("audited menus", () => {
  it("reads every entry without its id and the properties the router changes by itself", async () => {
    const reading = await readAuditedMenus(router({ "/user": [{ ".id": "*1", name: "admin", group: "full", "last-logged-in": "2026-12-01 08:00:00", comment: "UBND xã" }] }));
    expect(reading["/user"]).toEqual(['name=admin group=full comment="UBND xã"']);
    expect(reading["/system/scheduler"]).toEqual([]);
  });

  it("finds an entry added, one removed and one changed, by name", () => {
    const recorded = { "/user": ["name=admin group=full", "name=old group=read"], "/system/scheduler": ['name=backup on-event="/system backup save"'] };
    const live = { "/user": ["name=admin group=full", "name=cuadau group=full"], "/system/scheduler": ['name=backup on-event="/tool fetch url=http://x"'] };
    expect(auditDifferences(recorded, live)).toEqual([
      { menu: "/user", entry: "cuadau", live: "name=cuadau group=full" },
      { menu: "/user", entry: "old", recorded: "name=old group=read" },
      { menu: "/system/scheduler", entry: "backup", live: 'name=backup on-event="/tool fetch url=http://x"', recorded: 'name=backup on-event="/system backup save"' },
    ]);
    expect(auditDifferences(live, live)).toEqual([]);
  });
});
