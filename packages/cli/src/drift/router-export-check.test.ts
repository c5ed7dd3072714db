import { describe, expect, it } from "vitest";
import { exportSections, unmanagedDifferences } from "./router-export-check";

const before = `# 2026-11-22 04:00:00 by RouterOS 7.19.4
# model = RB5009UG+S+IN
/interface ethernet
set [ find default-name=ether5 ] comment="Dự phòng"
/ip address
add address=10.40.7.1/24 interface=vlan20-staff
/user
add group=full name=communes
/system scheduler
add interval=1d name=backup on-event="/system backup save name=daily" \\
    start-time=03:00:00
`;

describe("an export read by menu", () => {
  it("keeps each menu's lines, joins the lines RouterOS wrapped, and leaves comments out", () => {
    const sections = exportSections(before);
    expect([...sections.keys()]).toEqual(["/interface/ethernet", "/ip/address", "/user", "/system/scheduler"]);
    expect(sections.get("/system/scheduler")).toEqual(['add interval=1d name=backup on-event="/system backup save name=daily" start-time=03:00:00']);
  });
});

describe("the menus no stack manages, compared with the last export", () => {
  const managed = new Set(["/ip/address"]);

  it("finds a user added by hand, a scheduled script gone, a port re-described; never a managed menu", () => {
    const live = before
      .replace("# 2026-11-22 04:00:00", "# 2026-11-23 09:30:00")
      .replace('comment="Dự phòng"', 'comment="camera"')
      .replace("add group=full name=communes\n", "add group=full name=communes\nadd group=full name=cuadau\n")
      .replace(/\/system scheduler\n[\s\S]*$/, "")
      .replace("10.40.7.1/24", "10.40.7.9/24");
    expect(unmanagedDifferences(before, live, managed)).toEqual([
      { kind: "unmanaged", resource: "/interface/ethernet", property: "export line", live: 'set [ find default-name=ether5 ] comment="camera"' },
      { kind: "missing", resource: "/interface/ethernet", property: "export line", recorded: 'set [ find default-name=ether5 ] comment="Dự phòng"' },
      { kind: "missing", resource: "/system/scheduler", property: "export line", recorded: 'add interval=1d name=backup on-event="/system backup save name=daily" start-time=03:00:00' },
      { kind: "unmanaged", resource: "/user", property: "export line", live: "add group=full name=cuadau" },
    ]);
  });

  it("is clean when only the header (date, model) differs", () => {
    expect(unmanagedDifferences(before, before.replace("04:00:00", "05:00:00"), managed)).toEqual([]);
  });
});
