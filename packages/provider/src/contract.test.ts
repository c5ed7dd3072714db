import { describe, expect, it } from "vitest";
import { deviceOfProviderName, endpointProviderName, parseTableResourceName, tableResourceName } from "./contract";

describe("the provider's naming contract", () => {
  it("a table's name reads back as its router and menu", () => {
    for (const [router, path] of [["thieu-trung-r1", "/ip/address"], ["r1", "/ipv6/firewall/address-list"], ["hai-linh-r1", "/system/ntp/server"]] as const) {
      expect(tableResourceName(router, path)).toBe(`${router}${path}`);
      expect(parseTableResourceName(tableResourceName(router, path))).toEqual({ router, path });
    }
  });

  it("a provider instance's name reads back as its device: an endpoint by its system name, others by host name", () => {
    const systemName = "Hội trường UBND xã Thiệu Trung";
    expect(endpointProviderName(systemName)).toBe(`endpoint ${systemName}`);
    expect(deviceOfProviderName(endpointProviderName(systemName))).toBe(systemName);
    expect(deviceOfProviderName("thieu-trung-sw1")).toBe("thieu-trung-sw1");
  });
});
