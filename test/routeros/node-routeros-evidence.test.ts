/**
 * Evidence for the transport decision (docs/decisions/0007-routeros-client.md):
 * node-routeros 1.6.9, the library the design named, against the lab router.
 * Each test states the defect as observed; should a release fix one, its test
 * fails and the decision is worth revisiting.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { RouterOsApiClient } from "@communes/routeros";
import { startLabRouter, type LabRouterOptions } from "@communes/lab";
import { describe, expect, it } from "vitest";

interface ProbeResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  result?: Record<string, unknown>;
}

type LabRouter = Awaited<ReturnType<typeof startLabRouter>>;

/**
 * Runs a scenario in its own process. `waitMs`: how long the probe waits for
 * an answer before reporting none; long by default, so that a slow machine
 * cannot turn an answer into "no answer".
 */
async function probe(scenario: string, options: LabRouterOptions = {}, waitMs = 15_000): Promise<ProbeResult & { router: LabRouter }> {
  const router = await startLabRouter(options);
  const child = spawn(process.execPath, [path.join(__dirname, "node-routeros-probe.cts"), scenario, String(router.port), router.username, router.password], {
    env: { ...process.env, PROBE_WAIT_MS: String(waitMs) },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const line = stdout.trim().split("\n").pop();
  return { router, exitCode, stdout, stderr, ...(line ? { result: JSON.parse(line) as Record<string, unknown> } : {}) };
}

describe("node-routeros 1.6.9 against the lab router", { timeout: 30_000 }, () => {
  it("works for a plain login (the lab is not the problem)", async () => {
    const { router, result } = await probe("login");
    await router.close();
    expect(result).toEqual({ outcome: "logged in" });
  });

  it("defect: an empty print on RouterOS >= 7.18 (`!empty`) throws an uncaught exception", async () => {
    const { router, exitCode, stderr } = await probe("empty", { version: "7.19.4" });
    await router.close();
    expect(exitCode).not.toBe(0);
    expect(stderr).toMatch(/UNKNOWNREPLY|!empty/);
  });

  it("defect: a login whose reply arrives in separate pieces never completes", async () => {
    // Whether it hangs depends on where the pieces are cut: it always does
    // when a sentence's last word and its end mark arrive separately, which
    // the end mark held back for a second guarantees. A working client has
    // logged in well within the probe's 5 s.
    const { router, result } = await probe("login", { faults: { holdEndMarkMs: 1000 } }, 5000);
    await router.close();
    expect(result).toEqual({ outcome: "no answer within 5 s" });
  });

  it("defect: Vietnamese text is sent as Windows-1252, so the router stores '?'", async () => {
    const { router, result } = await probe("utf8");
    const client = new RouterOsApiClient({ host: router.host, port: router.port, username: router.username, password: router.password });
    const stored = (await client.print("/system/identity"))[0]!.name;
    await client.close();
    await router.close();
    expect(result?.name).not.toBe("Thiệu Trung");
    expect(stored).toBe("Thi?u Trung");
  });

  it("defect: the idle timeout surfaces as an unhandled error that kills the process", async () => {
    const { router, exitCode, stderr } = await probe("idle");
    await router.close();
    expect(exitCode).not.toBe(0);
    expect(stderr).toMatch(/SOCKTMOUT|timeout/i);
  });

  it("defect: a trap's category is lost", async () => {
    const { router, result } = await probe("trap");
    await router.close();
    expect(result).toMatchObject({ outcome: "rejected", message: "input does not match any value of interface", category: null });
  });
});
