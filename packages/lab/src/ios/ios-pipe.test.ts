import { expect, it } from "vitest";
import { applyPipe, iosRegex, splitPipe } from "./ios-pipe";

const config = "hostname sw1\n!\ninterface Gi1/0/1\n switchport access vlan 20\n!\ninterface Vlan10\n ip address 10.0.0.2 255.255.255.0\n!\nvlan 20\n name staff\n";

it("takes any unique prefix of a filter and the rest of the line as the regex", () => {
  const split = splitPipe("sh run | i ip address");
  expect(split).toMatchObject({ kind: "filter", command: "sh run", filter: "include" });
  expect(splitPipe("sh ru | sec interface")).toMatchObject({ kind: "filter", filter: "section" });
  expect(splitPipe("show run | frob x")).toEqual({ kind: "error", at: 11, message: "invalid" });
  expect(splitPipe("show run | include")).toMatchObject({ kind: "error", message: "incomplete" });
  expect(splitPipe("show run |")).toMatchObject({ kind: "error", message: "incomplete" });
  expect(splitPipe("show run")).toEqual({ kind: "none" });
});

it("filters as IOS does: include, exclude, begin, section, count", () => {
  expect(applyPipe(config, "include", /vlan/)).toBe(" switchport access vlan 20\nvlan 20\n");
  expect(applyPipe(config, "begin", /^vlan/)).toBe("vlan 20\n name staff\n");
  expect(applyPipe(config, "section", /^interface/)).toBe("interface Gi1/0/1\n switchport access vlan 20\ninterface Vlan10\n ip address 10.0.0.2 255.255.255.0\n");
  expect(applyPipe(config, "count", /^interface/)).toBe("Number of lines which match regexp = 2\n");
  expect(applyPipe(config, "exclude", /^[ !]/)).toBe("hostname sw1\ninterface Gi1/0/1\ninterface Vlan10\nvlan 20\n");
  expect(applyPipe(config, "include", /nothing/)).toBe("");
});

it("reads IOS's `_` as a delimiter", () => {
  const re = iosRegex("_20$")!;
  expect(re.test("vlan 20")).toBe(true);
  expect(re.test("vlan 120")).toBe(false);
  expect(iosRegex("(")).toBeUndefined();
});
