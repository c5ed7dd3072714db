import { expect, it } from "vitest";
import { knownKeywords, matchKeyword } from "./ios-abbreviations";

it("takes a whole keyword, a unique prefix, and calls a shared prefix ambiguous", () => {
  const show = Object.keys(knownKeywords("privileged", ["show"]));
  expect(matchKeyword("run", show)).toEqual({ kind: "keyword", keyword: "running-config" });
  expect(matchKeyword("VER", show)).toEqual({ kind: "keyword", keyword: "version" });
  expect(matchKeyword("s", show)).toEqual({ kind: "ambiguous" });
  expect(matchKeyword("in", show)).toEqual({ kind: "ambiguous" });
  expect(matchKeyword("int", show)).toEqual({ kind: "keyword", keyword: "interfaces" });
  expect(matchKeyword("frobnicate", show)).toEqual({ kind: "none" });
});

it("knows each mode's own keywords", () => {
  expect(matchKeyword("conf", Object.keys(knownKeywords("privileged", [])))).toEqual({ kind: "keyword", keyword: "configure" });
  expect(matchKeyword("conf", Object.keys(knownKeywords("exec", [])))).toEqual({ kind: "none" });
  expect(matchKeyword("sw", Object.keys(knownKeywords("config-if", [])))).toEqual({ kind: "keyword", keyword: "switchport" });
  expect(matchKeyword("sp", Object.keys(knownKeywords("config-if", [])))).toEqual({ kind: "ambiguous" });
});
