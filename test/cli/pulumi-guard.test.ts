/**
 * A bad inventory never reaches a device, even with --refresh: `communes
 * pulumi preview --refresh` and `up --refresh` validate the stack's
 * inventory before Pulumi starts. The stack's devices (the lab's) are reached
 * only through counting TCP relays on 127.0.0.1, so "no device contacted"
 * is a count of zero connections. Pulumi run directly (preview --refresh,
 * refresh, destroy) reaches the providers before or without the program:
 * each device's provider checks the inventory itself and refuses, with the
 * same located error, before it opens a connection.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type AddressInfo, type Server } from "node:net";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCommuneLab, type CommuneLab } from "../harness/commune-lab";
import { copyInventory, type InventoryCopy } from "../harness/inventory-copy";
import { TestStack } from "../harness/pulumi-stack";
import { runCommand } from "../harness/run-command";
import { repoRoot } from "../harness/toolchain";

interface Relay {
  port: number;
  connections: number;
  server: Server;
}

/** A TCP relay on 127.0.0.1 to host:port that counts the connections it is given. */
async function relay(host: string, port: number): Promise<Relay> {
  const r = { port: 0, connections: 0 } as Relay;
  r.server = createServer((client) => {
    r.connections++;
    const upstream = connect({ host, port });
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => r.server.listen(0, "127.0.0.1", resolve));
  r.port = (r.server.address() as AddressInfo).port;
  return r;
}

describe("communes pulumi with a bad inventory and --refresh", { timeout: 300_000 }, () => {
  let lab: CommuneLab;
  let stack: TestStack;
  let copy: InventoryCopy;
  let commune: string;
  const relays: Relay[] = [];
  const contacted = () => relays.reduce((n, r) => n + r.connections, 0);
  const reset = () => relays.forEach((r) => (r.connections = 0));

  beforeAll(async () => {
    lab = await startCommuneLab("thieu-trung.yaml");
    copy = copyInventory("thieu-trung.yaml");
    commune = copy.communes[0]!;
    const config = lab.config(commune);
    // Every way to a device goes through a relay: the router's API and SSH, the switch, the endpoints.
    const api = await relay(lab.router.host, lab.router.port);
    const ssh = await relay(lab.router.host, lab.router.sshPort);
    const sw = await relay(lab.switch.host, lab.switch.port);
    relays.push(api, ssh, sw);
    const switches = JSON.parse(config.switchEndpoints!.value) as Record<string, { host: string; port: number }>;
    for (const s of Object.values(switches)) Object.assign(s, { host: "127.0.0.1", port: sw.port });
    const endpoints = JSON.parse(config.endpointEndpoints!.value) as Record<string, { host: string; port: number }>;
    for (const e of Object.values(endpoints)) {
      const r = await relay(e.host, e.port);
      relays.push(r);
      Object.assign(e, { host: "127.0.0.1", port: r.port });
    }
    stack = await TestStack.create({
      projectDir: path.join(repoRoot, "stacks/commune"),
      config: {
        ...config,
        routerHost: { value: "127.0.0.1" },
        routerPort: { value: String(api.port) },
        routerSshPort: { value: String(ssh.port) },
        switchEndpoints: { value: JSON.stringify(switches) },
        endpointEndpoints: { value: JSON.stringify(endpoints) },
      },
    });
    const up = await stack.up();
    expect(up.changes.create).toBeGreaterThan(0);
    expect(relays.every((r) => r.connections > 0), "every device was configured through its relay").toBe(true);
    // The inventory goes bad: the trunk on the Internet line's port (ether2).
    const text = readFileSync(commune, "utf8");
    writeFileSync(commune, text.replace("  model: RB5009UG+S+IN\n", "  model: RB5009UG+S+IN\n  trunk: ether2\n"));
    expect(readFileSync(commune, "utf8")).toContain("trunk: ether2");
  }, 240_000);

  afterAll(async () => {
    writeFileSync(commune, readFileSync(commune, "utf8").replace("  trunk: ether2\n", ""));
    await stack?.dispose();
    for (const r of relays) r.server.close();
    await lab?.close();
    if (copy) rmSync(copy.dir, { recursive: true, force: true });
  }, 120_000);

  const communes = (...args: string[]) =>
    runCommand(process.execPath, [path.join(repoRoot, "packages/cli/bin/communes"), "pulumi", ...args, "--stack", stack.stack.name], { cwd: repoRoot, env: { ...process.env, ...stack.env } });

  for (const command of [["preview", "--refresh", "--diff"], ["up", "--refresh", "--yes"]]) {
    it(`communes pulumi ${command.join(" ")} stops at the located error and contacts no device`, async () => {
      reset();
      const run = await communes(...command, "--non-interactive");
      expect(run.code).toBe(1);
      const file = path.relative(repoRoot, commune);
      expect(run.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:10 router\\.trunk: ether2 already carries the Internet line`, "m"));
      expect(run.stderr).toContain(`pulumi ${command[0]} was not run and no device was contacted`);
      expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
      expect(contacted()).toBe(0);
    });
  }

  // Pulumi run directly refreshes (or destroys) before, or without, the program that validates the inventory:
  // each device's provider checks the stack's inventory file first.
  const bare: Array<[string, () => Promise<unknown>]> = [
    ["preview --refresh", () => stack.stack.preview({ refresh: true, color: "never" })],
    ["refresh", () => stack.stack.refresh({ color: "never" })],
    ["destroy", () => stack.stack.destroy({ color: "never" })],
  ];
  for (const [command, run] of bare) {
    it(`pulumi ${command} run by Pulumi itself: each provider refuses the inventory before touching its device`, async () => {
      reset();
      const error = await run().then(
        () => undefined,
        (err: unknown) => String(err),
      );
      expect(error).toMatch(/the inventory has 1 problem; no device was read or changed/);
      expect(error).toMatch(/communes\/thieu-trung\.yaml:\d+:10 router\.trunk: ether2 already carries the Internet line/);
      expect(error).not.toMatch(/^\s+at /m);
      expect(contacted()).toBe(0);
    });
  }
});
