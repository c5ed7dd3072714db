/**
 * `communes verify`: the example province satisfied (exit 0), the rendering
 * before docs/decisions/0012 failing with its faults named (exit 1), JSON for
 * tools, the matrix on request, and user mistakes as one line (exit 2).
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../harness/run-cli";

const run = (args: string[]) => runCli(args);

const thieuTrung = "examples/thanh-hoa/communes/thieu-trung.yaml";
const before = "test/fixtures/verify/thieu-trung-before-0012.rsc";

describe("communes verify", () => {
  it("finds every commune of the example province satisfied", async () => {
    const { code, stdout, stderr } = await run(["verify", "examples/thanh-hoa"]);
    expect(code).toBe(0);
    expect(stderr).toContain("ok: 166 communes verified, every check passed");
    expect(stdout.trim().split("\n")).toHaveLength(166);
  });

  it("names the faults of an exported configuration, exit 1", async () => {
    const { code, stdout } = await run(["verify", thieuTrung, "--router-script", before]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^xã Thiệu Trung \(examples\/thanh-hoa\/communes\/thieu-trung\.yaml\): \d+ of \d+ checks failed — test\/fixtures\/verify\/thieu-trung-before-0012\.rsc$/m);
    expect(stdout).toContain("FAILED requirement IPv4 DHCP of citizen_wifi hands out 172.16.0.53 as DNS server: citizen_wifi → government 172.16.0.53 udp/53 — dropped by /ip/firewall/filter #");
    expect(stdout).toMatch(/FAILED flow IPv6 staff → internet dns \(udp\/53\), .* — leaves by the Internet line \(ether2\)/);
  });

  it("writes JSON with the problems and, on request, the matrix", async () => {
    const { code, stdout } = await run(["verify", thieuTrung, "--json", "--matrix"]);
    expect(code).toBe(0);
    const [result] = (JSON.parse(stdout) as { communes: Array<{ summary: { failed: number }; matrix: Array<{ family: number; from: string; to: string; service: string; allowed: boolean }> }> }).communes;
    expect(result!.summary.failed).toBe(0);
    expect(result!.matrix).toContainEqual(expect.objectContaining({ family: 4, from: "citizen_wifi", to: "staff", service: "smb", allowed: false }));
    expect(result!.matrix).toContainEqual(expect.objectContaining({ family: 6, from: "citizen_wifi", to: "internet", service: "https", allowed: true }));
  });

  it("a missing script or a bad --operator is one line, exit 2", async () => {
    expect(await run(["verify", thieuTrung, "--router-script", "nowhere.rsc"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--router-script nowhere.rsc: no such file") });
    expect(await run(["verify", thieuTrung, "--operator", "172.16.1"])).toMatchObject({ code: 2 });
    expect((await run(["verify"])).code).toBe(2);
  });
});
