/** The sample CI workflow of examples/ci parses and does what its README says. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMMANDS } from "@communes/cli/dist/commands";
import { repoRoot } from "../harness/toolchain";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

describe("examples/ci/preview-report.yml", () => {
  const text = readFileSync(path.join(repoRoot, "examples/ci/preview-report.yml"), "utf8");
  const workflow = parse(text, { strict: true, uniqueKeys: true }) as {
    on: { pull_request: { paths: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, { env: Record<string, string>; steps: Step[] }>;
  };
  const job = workflow.jobs.preview!;

  it("runs on pull requests touching the inventory, with the backend and passphrase from repository secrets", () => {
    expect(workflow.on.pull_request.paths).toEqual(expect.arrayContaining(["examples/thanh-hoa/communes/*.yaml"]));
    expect(workflow.permissions["pull-requests"]).toBe("write");
    expect(job.env.PULUMI_BACKEND_URL).toBe("${{ secrets.PULUMI_BACKEND_URL }}");
    expect(job.env.PULUMI_CONFIG_PASSPHRASE).toBe("${{ secrets.PULUMI_CONFIG_PASSPHRASE }}");
  });

  it("builds, runs the report with flags the command has, then posts or updates one comment", () => {
    const runs = job.steps.map((s) => s.run ?? "").join("\n");
    expect(runs).toContain("npm run build");
    const call = runs.split("\n").find((l) => l.includes("communes preview-report"))!;
    const usage = COMMANDS["preview-report"]!.usage;
    for (const flag of call.match(/--[a-z-]+/g)!) expect(usage).toContain(flag);
    // A commune new in the pull request has no stack yet: validated and named, never a failed preview.
    expect(runs).toContain("stack ls --json");
    expect(runs).toContain('npx communes validate "$INVENTORY"');
    const post = job.steps.find((s) => s.uses?.startsWith("actions/github-script"))!;
    expect(post.with!.script).toMatch(/updateComment[\s\S]*createComment/);
  });
});
