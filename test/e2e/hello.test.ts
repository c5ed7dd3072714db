/**
 * The toolchain end to end: the real Pulumi engine runs examples/hello, whose
 * resource is served by the communes provider plugin, through up → no-change
 * preview → out-of-band change → refresh → up → config change → destroy.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestStack } from "../harness/pulumi-stack";
import { repoRoot } from "../harness/toolchain";

const projectDir = path.join(repoRoot, "examples/hello");

describe("examples/hello on the real engine", { timeout: 120_000 }, () => {
  let dir: string;
  let stack: TestStack;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "communes-hello-"));
    stack = await TestStack.create({
      projectDir,
      config: { directory: { value: dir }, commune: { value: "Thiệu Trung" } },
    });
    file = path.join(dir, `${stack.stack.name}.txt`);
  }, 60_000);

  afterAll(async () => {
    await stack?.dispose();
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it("up creates the file through the communes provider, diacritics intact", async () => {
    const up = await stack.up();
    console.log(up.stdout);
    expect(up.changes).toMatchObject({ create: 2 }); // the stack and the file
    expect(up.steps.filter((s) => s.type === "communes:lab:TextFile").map((s) => s.op)).toEqual(["create"]);
    expect(await readFile(file, "utf8")).toBe("Xin chào, xã Thiệu Trung!\n");
    const outputs = await stack.outputs();
    expect(outputs.file).toBe(file);
    expect(outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a second preview shows no changes", async () => {
    const preview = await stack.preview();
    console.log(preview.stdout);
    expect(preview.changes).toEqual({ same: 2 });
  });

  it("refresh detects a change made by hand, and up reverts it", async () => {
    await writeFile(file, "edited by hand\n", "utf8");
    const refresh = await stack.refresh();
    console.log(refresh.stdout);
    expect(refresh.changes).toMatchObject({ update: 1 });

    const preview = await stack.preview();
    const step = preview.steps.find((s) => s.type === "communes:lab:TextFile");
    expect(step?.op).toBe("update");
    expect(Object.keys(step?.detailedDiff ?? {})).toEqual(["content"]);

    const up = await stack.up();
    expect(up.changes).toMatchObject({ update: 1 });
    expect(await readFile(file, "utf8")).toBe("Xin chào, xã Thiệu Trung!\n");
  });

  it("a config change previews as a property-level update", async () => {
    await stack.setConfig({ commune: { value: "Thiệu Toán" } });
    const preview = await stack.preview();
    console.log(preview.stdout);
    const step = preview.steps.find((s) => s.type === "communes:lab:TextFile");
    expect(step?.op).toBe("update");
    expect(step?.detailedDiff).toEqual({ content: { diffKind: "update", inputDiff: true } });
    expect(preview.stdout).toContain("Thiệu Toán");
    await stack.up();
    expect(await readFile(file, "utf8")).toBe("Xin chào, xã Thiệu Toán!\n");
  });

  it("bad input is refused by check, naming the property, without a stack trace", async () => {
    await stack.setConfig({ directory: { value: "relative/dir" } });
    const failure = await stack.preview().then(
      () => new Error("preview succeeded"),
      (err: unknown) => err as Error,
    );
    expect(failure.message).toMatch(
      /communes:lab:TextFile resource 'greeting': property path value .* has a problem: expected an absolute file path, received "relative\/dir\//,
    );
    expect(failure.message).not.toMatch(/^\s+at /m);
    await stack.setConfig({ directory: { value: dir } });
  });

  it("destroy removes the file", async () => {
    const destroy = await stack.destroy();
    console.log(destroy.stdout);
    expect(destroy.changes).toMatchObject({ delete: 2 });
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it("nothing tried to reach a host outside this machine", () => {
    console.log(`egress attempts: ${stack.egress.attempts.length === 0 ? "none" : stack.egress.attempts.join(", ")}`);
    expect(stack.egress.attempts).toEqual([]);
  });
});
