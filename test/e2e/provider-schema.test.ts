/**
 * The provider's published contract as Pulumi itself reads it: the real CLI
 * starts the built plugin (`pulumi package get-schema <plugin>`), binds the
 * schema it answers (an invalid schema fails there) and prints it.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKENS } from "@communes/provider/contract";
import { startEgressGuard, type EgressGuard } from "../harness/egress-guard";
import { runCommand } from "../harness/run-command";
import { pulumiEnvFile, pulumiRoot, repoRoot, toolchainPath } from "../harness/toolchain";

const plugin = path.join(repoRoot, "packages/provider/bin/pulumi-resource-communes");
const root = pulumiRoot();
const pulumi = root ? path.join(root, "bin", "pulumi") : "pulumi";

describe("pulumi package get-schema of the communes plugin", { timeout: 60_000 }, () => {
  let home: string;
  let guard: EgressGuard;
  let schema: {
    name: string;
    version: string;
    config: { variables: Record<string, { secret?: boolean }> };
    types: Record<string, { properties?: Record<string, { secret?: boolean }> }>;
    resources: Record<string, { inputProperties: Record<string, unknown>; requiredInputs: string[]; properties: Record<string, unknown>; required: string[] }>;
  };

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), "communes-schema-"));
    guard = await startEgressGuard();
    const env = { ...process.env, ...pulumiEnvFile(), PATH: toolchainPath(), PULUMI_HOME: home, HTTP_PROXY: guard.url, HTTPS_PROXY: guard.url, NO_PROXY: "127.0.0.1,localhost,::1" };
    const run = await runCommand(pulumi, ["package", "get-schema", plugin], { cwd: repoRoot, env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    schema = JSON.parse(run.stdout);
  });

  afterAll(async () => {
    await guard?.close();
    await rm(home, { recursive: true, force: true });
  });

  it("names the package and the plugin's own version", () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, "packages/provider/package.json"), "utf8")) as { version: string };
    expect(schema.name).toBe("communes");
    expect(schema.version).toBe(version);
  });

  it("has every custom resource type of the contract, with inputs and state", () => {
    const custom = [TOKENS.table, TOKENS.configExport, TOKENS.switch, TOKENS.endpoint, TOKENS.textFile];
    expect(Object.keys(schema.resources).sort()).toEqual([...custom].sort());
    const sw = schema.resources[TOKENS.switch]!;
    expect(Object.keys(sw.inputProperties)).toEqual(expect.arrayContaining(["hostname", "vlans", "ports", "management", "defaultGateway", "vtyTransport", "loggingHosts"]));
    expect(sw.requiredInputs).toEqual(expect.arrayContaining(["hostname", "ports"]));
    expect(sw.requiredInputs).not.toContain("loggingHosts");
    expect(Object.keys(schema.resources[TOKENS.configExport]!.properties)).toEqual(expect.arrayContaining(["script", "sha256", "exportedAt", "audited", "comparison"]));
    expect(Object.keys(schema.resources[TOKENS.table]!.properties)).toEqual(expect.arrayContaining(["path", "entries", "order"]));
  });

  it("marks the provider's connections and their passwords secret", () => {
    expect(Object.keys(schema.config.variables).sort()).toEqual(["endpoint", "inventory", "ios", "routeros"]);
    for (const key of ["routeros", "ios", "endpoint"]) expect(schema.config.variables[key]?.secret).toBe(true);
    for (const type of ["RouterConnection", "SwitchConnection", "EndpointConnection"]) expect(schema.types[`communes:index:${type}`]?.properties?.password?.secret).toBe(true);
  });

  it("reached nothing outside the machine", () => {
    expect(guard.attempts).toEqual([]);
  });
});
