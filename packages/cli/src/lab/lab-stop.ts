/** `communes lab stop`: ends the background lab; its devices forget their configuration. */
import { setTimeout as sleep } from "node:timers/promises";
import { readLabRecord, removeLabRecord } from "@communes/lab";
import type { Output } from "../output";
import { isRunning, labDir } from "./lab-dir";

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
    if (waited > 10_000) {
      out.stderr(`communes: the lab (pid ${record.pid}) did not stop within 10 s`);
      return 1;
    }
    await sleep(100);
  }
  removeLabRecord(dir);
  out.stderr(`lab for ${record.inventory} stopped`);
  return 0;
}
