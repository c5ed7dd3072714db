/** `communes lab stop`: ends the background lab; its devices save their configuration for the next start. */
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { readLabRecord, removeLabRecord, SAVED_DEVICES } from "@communes/lab";
import type { Output } from "../output";
import { isRunning, labDir } from "./lab-dir";

const STOP_TIMEOUT_MS = 10_000;

export async function labStop(out: Output): Promise<number> {
  const dir = labDir();
  const record = readLabRecord(dir);
  if (!record || !isRunning(record.pid)) {
    removeLabRecord(dir);
    out.stderr("no lab is running");
    return 0;
  }
  process.kill(record.pid, "SIGTERM");
  for (let waited = 0; isRunning(record.pid); waited += 100) {
    if (waited > STOP_TIMEOUT_MS) {
      process.kill(record.pid, "SIGKILL");
      removeLabRecord(dir);
      out.stderr(`communes: the lab (pid ${record.pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s and was killed; its devices may not have saved their configuration (see ${path.join(dir, "lab.log")})`);
      return 1;
    }
    await sleep(100);
  }
  removeLabRecord(dir);
  out.stderr(`lab for ${record.inventory} stopped; its devices keep their configuration in ${path.join(dir, SAVED_DEVICES)} for the next start`);
  return 0;
}
