/** `communes lab start`: the lab in the background, at stable loopback addresses. */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { forgetDevices, LAB_DAEMON_SCRIPT, LAB_FAILURE, readLabRecord, SAVED_DEVICES, type LabRecord } from "@communes/lab";
import type { Output } from "../output";
import { COMMUNE_PROJECT } from "../pulumi/pulumi-cli";
import { isRunning, labDir, labPortOffset } from "./lab-dir";
import { printLab } from "./lab-table";

const START_TIMEOUT_MS = 120_000;

export async function labStart(target: string, fresh: boolean, out: Output): Promise<number> {
  const dir = labDir();
  const running = readLabRecord(dir);
  if (running && isRunning(running.pid)) {
    if (path.resolve(running.inventory) === path.resolve(target) && !fresh) {
      out.stderr(`the lab for ${running.inventory} is already running (pid ${running.pid})`);
      printLab(running, out);
      return 0;
    }
    out.stderr(`communes: a lab for ${running.inventory} is running (pid ${running.pid}); stop it first: communes lab stop`);
    return 1;
  }
  if (!existsSync(target)) {
    out.stderr(`communes: ${target}: no such file or directory`);
    return 1;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  rmSync(path.join(dir, LAB_FAILURE), { force: true });
  if (fresh) forgetDevices(dir);
  const log = openSync(path.join(dir, "lab.log"), "a");
  const child = spawn(process.execPath, [LAB_DAEMON_SCRIPT, path.resolve(target), dir, COMMUNE_PROJECT, String(labPortOffset())], { detached: true, stdio: ["ignore", log, log] });
  child.unref();
  let exited = false;
  child.once("exit", () => (exited = true));
  const started = Date.now();
  out.stderr(`starting the lab for ${target}…`);
  for (;;) {
    const record: LabRecord | undefined = readLabRecord(dir);
    if (record && record.pid === child.pid) {
      printLab(record, out);
      const restored = record.communes.filter((c) => c.restored).length;
      if (restored > 0) {
        const which = restored === record.communes.length ? "the devices" : `the devices of ${restored} of ${record.communes.length} communes`;
        out.stderr(`${which} booted with the configuration they kept when the lab last stopped (${path.join(dir, SAVED_DEVICES)}); \`communes lab start --fresh\` starts them factory-new`);
      }
      out.stderr(`lab running (pid ${record.pid}); stop it with: communes lab stop`);
      return 0;
    }
    const failure = path.join(dir, LAB_FAILURE);
    if (exited || existsSync(failure)) {
      const reason = existsSync(failure) ? readFileSync(failure, "utf8").trim() : `the lab process exited; see ${path.join(dir, "lab.log")}`;
      out.stderr(`communes: the lab did not start: ${reason}`);
      return 1;
    }
    if (Date.now() - started > START_TIMEOUT_MS) {
      process.kill(child.pid!, "SIGTERM");
      out.stderr(`communes: the lab did not start within ${START_TIMEOUT_MS / 1000} s; see ${path.join(dir, "lab.log")}`);
      return 1;
    }
    await sleep(100);
  }
}
