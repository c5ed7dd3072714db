/**
 * `communes plan` on the example province: the commune table, JSON with
 * Vietnamese names unchanged from the YAML, and the province CSV covering
 * all 166 communes with no overlapping prefix.
 */
import { readFileSync, readdirSync } from "node:fs";
import { overlaps, parsePrefix, type Prefix } from "@communes/inventory";
import { describe, expect, it } from "vitest";
import { runCommand } from "../harness/run-command";
import { repoRoot } from "../harness/toolchain";
import { runCli } from "../harness/run-cli";

const run = (args: string[]) => runCli(args);

const thieuTrung = "examples/thanh-hoa/communes/thieu-trung.yaml";

describe("communes plan", () => {
  it("prints a commune's zones, devices, endpoints and uplinks", async () => {
    const { code, stdout } = await run(["plan", thieuTrung]);
    expect(code).toBe(0);
    expect(stdout).toContain("xã Thiệu Trung — code 38008, index 7");
    expect(stdout).toMatch(/^staff\s+20\s+10\.40\.7\.0\/24\s+10\.40\.7\.1\s+2001:db8:3800:720::\/64\s+10\.40\.7\.20 - 10\.40\.7\.254/m);
    expect(stdout).toMatch(/^thieu-trung-sw1\s+switch\s+10\.38\.0\.226$/m);
    expect(stdout).toContain("Hội trường UBND xã Thiệu Trung");
  });

  it("keeps Vietnamese text byte for byte from YAML to JSON", async () => {
    const yaml = readFileSync(thieuTrung, "utf8");
    const plan = JSON.parse((await run(["plan", thieuTrung, "--json"])).stdout) as { name: string; zones: Array<{ label: string }>; endpoints: Array<{ systemName: string }> };
    const systemName = /systemName: "(.*)"/.exec(yaml)![1]!;
    expect(plan.name).toBe("Thiệu Trung");
    expect(Buffer.from(plan.name)).toEqual(Buffer.from(/^name: (.*)$/m.exec(yaml)![1]!));
    expect(plan.endpoints[0]!.systemName).toBe(systemName);
    expect(plan.zones.map((z) => z.label)).toContain("Trung tâm phục vụ hành chính công");
  });

  it("prints the province CSV: every commune, every zone, no overlap", async () => {
    const { code, stdout } = await run(["plan", "--province", "examples/thanh-hoa", "--csv"]);
    expect(code).toBe(0);
    const rows = stdout.trim().split("\n").slice(1).map((line) => line.split(","));
    const codes = new Set(rows.map((r) => r[4]));
    expect(codes.size).toBe(readdirSync("examples/thanh-hoa/communes").length);
    expect(codes.size).toBe(166);
    const prefixes = rows.filter((r) => r[1] === "active").map((r) => (parsePrefix(r[0]!) as { value: Prefix }).value);
    expect(prefixes.length).toBe(166 * 12 + 19); // 10 zone prefixes and 2 dedicated links each; 19 wards have a static Internet line
    prefixes.sort((a, b) => a.family - b.family || (a.network < b.network ? -1 : a.network > b.network ? 1 : 0));
    for (let i = 1; i < prefixes.length; i++) expect(overlaps(prefixes[i - 1]!, prefixes[i]!)).toBe(false);
  });

  it("refuses to plan an invalid commune, printing its problems", async () => {
    const { code, stdout } = await run(["plan", "test/fixtures/invalid/bad-enum.yaml", "--province", "examples/thanh-hoa/province.yaml"]);
    expect(code).toBe(1);
    expect(stdout).toContain('kind: "xa" is not allowed');
  });
});

describe("the communes command in a pipe", () => {
  it("stops quietly when the reader stops early (| head)", async () => {
    const { code, stdout, stderr } = await runCommand("bash", ["-c", "node packages/cli/bin/communes plan --province examples/thanh-hoa --json | head -c 100 >/dev/null; echo ${PIPESTATUS[0]}"], { cwd: repoRoot });
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout.trim()).toBe("0");
  });
});
