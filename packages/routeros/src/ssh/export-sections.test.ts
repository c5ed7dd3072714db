import { describe, expect, it } from "vitest";
import { exportDifferences, exportSections } from "./export-sections";

/** In RouterOS 7's format: the CHR header, every byte of a Vietnamese letter escaped, lines wrapped both ways RouterOS wraps them. */
const before = `# 2026-11-22 04:00:00 by RouterOS 7.19.4
# software id = 
#
/interface ethernet
set [ find default-name=ether5 ] comment="D\\E1\\BB\\B1 ph\\C3\\B2ng"
/ip address
add address=10.40.7.1/24 interface=vlan20-staff
/system scheduler
add interval=1d name=backup on-event="/system backup save name=daily" \\
    start-time=03:00:00
add comment="sao l\\C6\\B0u c\\E1\\BA\\A5u h\\C3\\ACnh h\\C3\\A0ng ng\\C3\\A0y" name=export on-event=\\
    "/export file=daily"
`;

describe("an export read by menu", () => {
  it("keeps each menu's lines, joins the lines RouterOS wrapped, and leaves comments out", () => {
    const sections = exportSections(before);
    expect([...sections.keys()]).toEqual(["/interface/ethernet", "/ip/address", "/system/scheduler"]);
    expect(sections.get("/system/scheduler")).toEqual([
      'add interval=1d name=backup on-event="/system backup save name=daily" start-time=03:00:00',
      'add comment="sao l\\C6\\B0u c\\E1\\BA\\A5u h\\C3\\ACnh h\\C3\\A0ng ng\\C3\\A0y" name=export on-event="/export file=daily"',
    ]);
  });
});

describe("two exports compared, menu by menu", () => {
  const except = new Set(["/ip/address"]);

  it("finds a scheduled script gone and a port re-described; never a menu left out", () => {
    const live = before
      .replace("# 2026-11-22 04:00:00", "# 2026-11-23 09:30:00")
      .replace('comment="D\\E1\\BB\\B1 ph\\C3\\B2ng"', "comment=camera")
      .replace(/add interval=1d name=backup[^\n]*\n[^\n]*\n/, "")
      .replace("10.40.7.1/24", "10.40.7.9/24");
    expect(exportDifferences(before, live, except)).toEqual([
      { menu: "/interface/ethernet", live: "set [ find default-name=ether5 ] comment=camera" },
      { menu: "/interface/ethernet", recorded: 'set [ find default-name=ether5 ] comment="D\\E1\\BB\\B1 ph\\C3\\B2ng"' },
      { menu: "/system/scheduler", recorded: 'add interval=1d name=backup on-event="/system backup save name=daily" start-time=03:00:00' },
    ]);
  });

  it("is clean when only the header (date, model) differs", () => {
    expect(exportDifferences(before, before.replace("04:00:00", "05:00:00"), except)).toEqual([]);
  });
});
