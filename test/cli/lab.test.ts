/**
 * `communes lab`: a background lab at stable loopback addresses, from a
 * commune file (a copy of Hoa Lộc's), that answers on every device, refuses
 * a second lab over it, refuses a bad inventory with located errors, and
 * stops for good.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { readLabRecord } from "@communes/lab";
import { RouterOsApiClient } from "@communes/routeros";
import { afterAll, describe, expect, it } from "vitest";
import { copyInventory } from "../harness/inventory-copy";
import { runCli } from "../harness/run-cli";

const labDir = mkdtempSync(path.join(tmpdir(), "communes-lab-"));
process.env.COMMUNES_LAB_DIR = labDir;
// Beside a lab the user may be running, at the same addresses.
process.env.COMMUNES_LAB_PORT_OFFSET = "10000";
const inventory = copyInventory("hoa-loc.yaml", "linh-son.yaml");
const [hoaLoc, linhSon] = inventory.communes as [string, string];

const run = (...args: string[]) => runCli(args);

afterAll(async () => {
  await run("lab", "stop");
  rmSync(labDir, { recursive: true, force: true });
  rmSync(inventory.dir, { recursive: true, force: true });
}, 60_000);

describe("communes lab", () => {
  it("says so when no lab runs", async () => {
    const status = await run("lab", "status");
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/no lab is running/);
  });

  it("starts a commune's devices at the loopback images of their planned addresses", { timeout: 60_000 }, async () => {
    const plan = JSON.parse((await run("plan", hoaLoc, "--json")).stdout) as { devices: Array<{ hostname: string; address: string }> };
    const start = await run("lab", "start", hoaLoc);
    expect(start.code, start.stderr).toBe(0);
    for (const device of plan.devices) {
      expect(start.stdout).toContain(`${device.hostname}`);
      expect(start.stdout).toContain(`${device.address.replace(/^\d+\./, "127.")}:${device.hostname.includes("-sw") ? 12222 : 18728}`);
    }
    const status = await run("lab", "status", "--json");
    expect(status.code).toBe(0);
    const record = JSON.parse(status.stdout) as { running: boolean; communes: Array<{ name: string; devices: Array<{ answers: boolean }> }> };
    expect(record.running).toBe(true);
    expect(record.communes.map((c) => c.name)).toEqual(["Hoa Lộc"]);
    expect(record.communes[0]!.devices.length).toBeGreaterThanOrEqual(3);
    expect(record.communes[0]!.devices.every((d) => d.answers)).toBe(true);
    // The record holds the lab's stack settings (lab credentials included): its owner's alone.
    expect(statSync(path.join(labDir, "lab.json")).mode & 0o077).toBe(0);
  });

  it("starting the same lab again changes nothing; another lab over it is refused", async () => {
    const again = await run("lab", "start", hoaLoc);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/already running/);
    const other = await run("lab", "start", linhSon);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/a lab for .*hoa-loc\.yaml is running .*stop it first/);
  });

  it("stops, and the devices stop answering", { timeout: 30_000 }, async () => {
    const before = JSON.parse((await run("lab", "status", "--json")).stdout) as { communes: Array<{ devices: Array<{ host: string; port: number }> }> };
    const stop = await run("lab", "stop");
    expect(stop.code).toBe(0);
    expect((await run("lab", "status")).code).toBe(1);
    const { connect } = await import("node:net");
    const device = before.communes[0]!.devices[0]!;
    const refused = await new Promise<boolean>((resolve) => connect(device.port, device.host).on("connect", () => resolve(false)).on("error", () => resolve(true)));
    expect(refused).toBe(true);
  });

  it("boots the devices with the configuration they kept when it stopped; --fresh starts them factory-new", { timeout: 60_000 }, async () => {
    const router = async () => {
      const config = readLabRecord(labDir)!.communes[0]!.config;
      return new RouterOsApiClient({ host: config.routerHost!.value, port: Number(config.routerPort!.value), username: "communes", password: config.routerPassword!.value });
    };
    const identity = async () => {
      const client = await router();
      try {
        return (await client.print("/system/identity"))[0]!.name;
      } finally {
        await client.close();
      }
    };
    // The devices saved their configuration when the test before stopped the lab.
    expect((await run("lab", "start", hoaLoc)).stderr).toMatch(/the devices booted with the configuration they kept/);
    const client = await router();
    await client.set("/system/identity", undefined, { name: "xã Hoa Lộc (đã cấu hình)" });
    await client.close();

    const stop = await run("lab", "stop");
    expect(stop.stderr).toMatch(/its devices keep their configuration in .*devices for the next start/);
    expect(statSync(path.join(labDir, "devices", "hoa-loc.json")).mode & 0o077).toBe(0);
    const restart = await run("lab", "start", hoaLoc);
    expect(restart.code, restart.stderr).toBe(0);
    expect(restart.stderr).toMatch(/the devices booted with the configuration they kept when the lab last stopped/);
    expect(await identity()).toBe("xã Hoa Lộc (đã cấu hình)");

    expect((await run("lab", "start", "--fresh", hoaLoc)).stderr).toMatch(/is running .*stop it first/); // never under running devices
    await run("lab", "stop");
    const fresh = await run("lab", "start", "--fresh", hoaLoc);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr).not.toMatch(/booted with/);
    expect(await identity()).toBe("MikroTik");
    await run("lab", "stop");
  });

  it("refuses a saved configuration it cannot read, naming the file, and starts nothing", { timeout: 30_000 }, async () => {
    writeFileSync(path.join(labDir, "devices", "hoa-loc.json"), "{ not json");
    const start = await run("lab", "start", hoaLoc);
    expect(start.code).toBe(1);
    expect(start.stderr).toMatch(/devices\/hoa-loc\.json: the devices' saved configuration cannot be read .*start the lab with --fresh/);
    expect((await run("lab", "status")).code).toBe(1);
    expect((await run("lab", "start", "--fresh", hoaLoc)).code).toBe(0);
    await run("lab", "stop");
  });

  it("refuses a bad inventory with located errors and starts nothing", { timeout: 30_000 }, async () => {
    const bad = path.join(inventory.dir, "communes", "bad.yaml");
    writeFileSync(bad, readFileSync(linhSon, "utf8").replace(/^code: .*$/m, "code: 12"));
    const start = await run("lab", "start", bad);
    expect(start.code).toBe(1);
    expect(start.stderr).toMatch(/bad\.yaml:\d+:\d+ code: /);
    expect((await run("lab", "status")).code).toBe(1);
  });
});
