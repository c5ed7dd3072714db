import { describe, expect, it } from "vitest";
import { parseRouterScript } from "./router-script";

describe("reading a RouterOS script", () => {
  it("reads RouterOS 7's export: continued lines, quoting, byte escapes, fixed and one-object menus", () => {
    const config = parseRouterScript(
      [
        "# 2026-12-01 10:00:00 by RouterOS 7.16.2",
        "/system identity",
        "set name=thieu-trung-r1",
        "/ip firewall filter",
        'add action=accept chain=forward comment="communes: staff to government" \\',
        "    dst-address-list=communes-government in-interface=vlan20-staff",
        'add action=drop chain=forward comment="Ph\\C3\\B2ng h\\E1\\BB\\8Dp \\"A\\""',
        "/ip service",
        "set telnet disabled=yes",
        "set [ find name=ssh ] address=172.16.1.0/24",
        "/ip/dns set allow-remote-requests=yes servers=172.16.0.53",
      ].join("\n"),
    );
    expect(config.rows("/system/identity")).toEqual([{ name: "thieu-trung-r1" }]);
    expect(config.rows("/ip/firewall/filter")).toEqual([
      { action: "accept", chain: "forward", comment: "communes: staff to government", "dst-address-list": "communes-government", "in-interface": "vlan20-staff" },
      { action: "drop", chain: "forward", comment: 'Phòng họp "A"' },
    ]);
    expect(config.rows("/ip/service")).toEqual([{ name: "telnet", disabled: "yes" }, { name: "ssh", address: "172.16.1.0/24" }]);
    expect(config.rows("/ip/dns")).toEqual([{ "allow-remote-requests": "yes", servers: "172.16.0.53" }]);
  });

  it("reads the project's rendered form, where fixed menus are set by [ find name=… ]", () => {
    const config = parseRouterScript("/ip service\nset [ find name=www-ssl ] disabled=true address=10.0.0.0/8\n/system note\nset note=\"xã Thiệu Trung\" show-at-login=yes\n");
    expect(config.rows("/ip/service")).toEqual([{ name: "www-ssl", disabled: "true", address: "10.0.0.0/8" }]);
    expect(config.rows("/system/note")).toEqual([{ note: "xã Thiệu Trung", "show-at-login": "yes" }]);
  });
});
