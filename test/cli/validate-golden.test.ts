/**
 * Golden fixtures, one per error class: `communes validate` on each
 * test/fixtures/invalid/<case> exits 1 and prints exactly the lines of
 * <case>.errors.txt. `npm run generate` rewrites those files; review the diff.
 *
 * A commune case is checked against the Thanh Hóa example province with its
 * 166 communes, so clashes with other communes are found as in real use.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../harness/run-cli";

const dir = "test/fixtures/invalid";
const province = "examples/thanh-hoa/province.yaml";
const cases = readdirSync(dir).filter((name) => name.endsWith(".yaml") || statSync(path.join(dir, name)).isDirectory());

const run = (args: string[]) => runCli(args);

describe("communes validate: golden error fixtures", () => {
  it("covers every error class", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of cases) {
    it(name, async () => {
      const target = path.join(dir, name);
      const result = await run(name.endsWith(".yaml") ? ["validate", target, "--province", province] : ["validate", target]);
      const golden = path.join(dir, `${name.replace(/\.yaml$/, "")}.errors.txt`);
      if (process.env.COMMUNES_UPDATE_FIXTURES === "1") writeFileSync(golden, result.stdout);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe(readFileSync(golden, "utf8"));
      expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
    });
  }
});

describe("communes validate: the example province", () => {
  it("is valid, all 166 communes", async () => {
    const result = await run(["validate", "examples/thanh-hoa"]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("ok: 166 communes valid\n");
    expect(result.code).toBe(0);
  });

  it("--json lists diagnostics for machines", async () => {
    const result = await run(["validate", path.join(dir, "bad-enum.yaml"), "--province", province, "--json"]);
    const report = JSON.parse(result.stdout) as { valid: boolean; diagnostics: Array<{ line: number; path: string }> };
    expect(report.valid).toBe(false);
    expect(report.diagnostics.map((d) => [d.line, d.path])).toEqual([
      [4, "kind"],
      [35, "switches[0].ports[3].role"],
      [41, "endpoints[0].vendor"],
    ]);
  });

  it("wrong usage exits 2 with the usage text", async () => {
    expect((await run(["validate"])).code).toBe(2);
    expect((await run(["frobnicate"])).stderr).toMatch(/unknown command "frobnicate"/);
    // A typo gets one line with the nearest command or option, then only that command's usage.
    const typo = await run(["valdate", "examples/thanh-hoa"]);
    expect([typo.code, typo.stderr.split("\n")[0]]).toEqual([2, 'communes: unknown command "valdate"; did you mean validate?']);
    const option = await run(["plan", "examples/thanh-hoa/communes/thieu-trung.yaml", "--jsn"]);
    expect(option.code).toBe(2);
    expect(option.stderr.split("\n")[0]).toBe("communes: plan has no option --jsn; did you mean --json?");
    expect(option.stderr).toContain("communes plan");
    expect(option.stderr).not.toContain("communes drift");
    expect((await run(["validate", "no/such/dir"])).code).toBe(2);
  });
});
