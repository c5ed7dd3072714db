import { describe, expect, it } from "vitest";
import { diffProperties } from "./property-diff";
import { UNKNOWN_VALUE } from "./wire";

describe("diffProperties", () => {
  it("reports nothing for equal inputs", () => {
    expect(diffProperties({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it("reports each changed leaf with its path and kind", () => {
    const olds = { name: "Thiệu Trung", vlans: [{ id: 10, name: "staff" }, { id: 20 }], dns: ["10.0.0.1"] };
    const news = { name: "Thiệu Toán", vlans: [{ id: 10, name: "lan" }], ntp: "10.0.0.2", dns: ["10.0.0.1"] };
    expect(diffProperties(olds, news)).toEqual([
      { path: "name", kind: "update", replace: false },
      { path: "ntp", kind: "add", replace: false },
      { path: "vlans[0].name", kind: "update", replace: false },
      { path: "vlans[1]", kind: "delete", replace: false },
    ]);
  });

  it("quotes keys that are not plain identifiers", () => {
    expect(diffProperties({ m: { "a.b": 1 } }, { m: { "a.b": 2 } })).toEqual([
      { path: 'm["a.b"]', kind: "update", replace: false },
    ]);
  });

  it("marks changes under replace-on-change properties, and only those", () => {
    const changes = diffProperties({ path: "/a", pathx: 1, nested: { path: 1 } }, { path: "/b", pathx: 2, nested: { path: 2 } }, ["path"]);
    expect(changes).toEqual([
      { path: "nested.path", kind: "update", replace: false },
      { path: "path", kind: "update", replace: true },
      { path: "pathx", kind: "update", replace: false },
    ]);
  });

  it("treats a value not known until apply as an update", () => {
    expect(diffProperties({ a: "x" }, { a: UNKNOWN_VALUE })).toEqual([{ path: "a", kind: "update", replace: false }]);
  });

  it("distinguishes null from absent and type changes from equal-looking values", () => {
    expect(diffProperties({ a: null, b: 1 }, { b: "1" })).toEqual([
      { path: "a", kind: "delete", replace: false },
      { path: "b", kind: "update", replace: false },
    ]);
  });
});
