/**
 * The lab's devices across a stop and a start: the router keeps its whole
 * configuration, a switch what `write memory` saved (not what was typed
 * since), an endpoint its settings — as the real devices do across a power
 * cut.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { restoreDevices, saveDevices, startCommuneLab, type CommuneLab } from "@communes/lab";
import { afterAll, expect, it } from "vitest";

const file = "examples/thanh-hoa/communes/thieu-trung.yaml";
const dir = mkdtempSync(path.join(tmpdir(), "communes-saved-"));
const labs: CommuneLab[] = [];
afterAll(async () => {
  for (const lab of labs) await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<CommuneLab> {
  const lab = await startCommuneLab(file);
  labs.push(lab);
  return lab;
}

it("a restarted lab holds what its devices kept, and nothing they would have lost", async () => {
  const before = await start();
  const router = before.router.device;
  router.execute("/interface/vlan/add", new Map([["name", "vlan20-staff"], ["vlan-id", "20"], ["interface", "ether2"]]), []);
  router.execute("/system/identity/set", new Map([["name", "xã Thiệu Trung"]]), []);
  const sw = Object.values(before.switches)[0]!.server.device;
  sw.running.vlans.set(20, "staff");
  sw.startup.vlans.set(20, "staff"); // saved with write memory
  sw.running.vlans.set(30, "typed-not-saved");
  const endpoint = Object.values(before.endpoints)[0]!.device;
  const [name] = [...endpoint.params.keys()];
  endpoint.params.set(name!, "Hội trường UBND xã Thiệu Trung");
  saveDevices(dir, file, before);

  const after = await start();
  expect(restoreDevices(dir, file, after)).toBe(true);
  const vlans = after.router.device.execute("/interface/vlan/print", new Map(), []).rows!;
  expect(vlans.map((v) => [v.name, v["vlan-id"]])).toEqual([["vlan20-staff", "20"]]);
  expect(after.router.device.identity).toBe("xã Thiệu Trung");
  // Ids go on from where they were, as on the device: a new entry never takes an old one's.
  const added = after.router.device.execute("/interface/vlan/add", new Map([["name", "vlan30"], ["vlan-id", "30"], ["interface", "ether2"]]), []).ret!;
  expect(added).not.toBe(vlans[0]![".id"]);
  const restoredSwitch = Object.values(after.switches)[0]!.server.device;
  expect([...restoredSwitch.running.vlans]).toEqual([[1, "default"], [20, "staff"]]);
  expect([...restoredSwitch.startup.vlans]).toEqual([[1, "default"], [20, "staff"]]);
  expect(Object.values(after.endpoints)[0]!.device.params.get(name!)).toBe("Hội trường UBND xã Thiệu Trung");
});

it("a commune with nothing saved starts factory-new", async () => {
  const lab = await start();
  expect(restoreDevices(dir, "examples/thanh-hoa/communes/thieu-toan.yaml", lab)).toBe(false);
  expect(lab.router.device.identity).toBe("MikroTik");
});
