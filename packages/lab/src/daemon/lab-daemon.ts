/**
 * The lab as a background process (started by `communes lab start`):
 * `node lab-daemon.js <commune-file-or-province-dir> <lab-dir> <config-base> [port-offset]`.
 * Serves the devices until SIGTERM or SIGINT, keeping its record in
 * <lab-dir>/lab.json while it runs; a start that fails leaves the reason in
 * <lab-dir>/lab.failed instead. The devices boot from what they saved in
 * <lab-dir>/devices/ and save it again when the lab stops.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { startInventoryLab } from "./inventory-lab";
import { LAB_FAILURE, removeLabRecord, writeLabRecord } from "./lab-record";

async function serve(target: string, dir: string, configBase: string, portOffset: number): Promise<void> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  rmSync(path.join(dir, LAB_FAILURE), { force: true });
  let lab;
  try {
    lab = await startInventoryLab(target, configBase, portOffset, dir);
  } catch (err) {
    const message = (err as Error).message;
    const hint = (err as NodeJS.ErrnoException).code === "EADDRINUSE" ? "\n(is another lab running? `communes lab status`)" : "";
    writeFileSync(path.join(dir, LAB_FAILURE), `${message}${hint}\n`);
    process.exitCode = 1;
    return;
  }
  writeLabRecord(dir, { pid: process.pid, startedAt: new Date().toISOString(), inventory: target, communes: lab.communes });
  const stop = async () => {
    try {
      lab.save();
    } catch (err) {
      process.stderr.write(`the devices' configuration could not be saved: ${(err as Error).message}\n`);
    }
    removeLabRecord(dir);
    await lab.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

const [target, dir, configBase, offset = "0"] = process.argv.slice(2);
if (!target || !dir || !configBase || !/^\d+$/.test(offset)) {
  process.stderr.write("usage: lab-daemon <commune-file-or-province-dir> <lab-dir> <config-base> [port-offset]\n");
  process.exitCode = 2;
} else {
  void serve(path.resolve(target), path.resolve(dir), path.resolve(configBase), Number(offset));
}
