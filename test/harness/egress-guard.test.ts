/**
 * The egress guard catches what Pulumi would send off the machine: with the
 * offline settings lifted, a plugin download goes to the guard (and no
 * further), so an empty attempt list in the e2e tests means something.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { startEgressGuard } from "./egress-guard";
import { pulumiRoot } from "./toolchain";

const run = promisify(execFile);

it("records Pulumi's attempt to download a plugin and refuses it", { timeout: 60_000 }, async () => {
  const guard = await startEgressGuard();
  const home = await mkdtemp(path.join(tmpdir(), "communes-egress-"));
  const root = pulumiRoot();
  const pulumi = root ? path.join(root, "bin", "pulumi") : "pulumi";
  try {
    const outcome = await run(pulumi, ["plugin", "install", "resource", "random", "4.16.0"], {
      env: { ...process.env, PULUMI_HOME: home, HTTP_PROXY: guard.url, HTTPS_PROXY: guard.url, NO_PROXY: "" },
    }).catch((err: { stderr: string }) => err);
    expect(outcome.stderr).toMatch(/failed to download plugin/);
    expect(guard.attempts).toContain("get.pulumi.com:443");
  } finally {
    await guard.close();
    await rm(home, { recursive: true, force: true });
  }
});
