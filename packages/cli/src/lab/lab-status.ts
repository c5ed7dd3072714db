/** `communes lab status`: whether the lab runs, and whether each device answers. */
import * as net from "node:net";
import { readLabRecord } from "@communes/lab";
import type { Output } from "../output";
import { isRunning, labDir } from "./lab-dir";
import { printLab } from "./lab-table";

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Exit 0 when the lab runs and every device answers, 1 otherwise. */
export async function labStatus(json: boolean, out: Output): Promise<number> {
  const record = readLabRecord(labDir());
  if (!record || !isRunning(record.pid)) {
    if (json) out.stdout(JSON.stringify({ running: false }));
    else out.stderr("no lab is running; start one with: communes lab start [commune-file-or-province-dir]");
    return 1;
  }
  const states = new Map<string, boolean>();
  for (const d of record.communes.flatMap((c) => c.devices)) states.set(`${d.host}:${d.port}`, await answers(d.host, d.port));
  const allUp = [...states.values()].every(Boolean);
  if (json) {
    const communes = record.communes.map((c) => ({ file: c.file, kind: c.kind, name: c.name, devices: c.devices.map((d) => ({ ...d, answers: states.get(`${d.host}:${d.port}`) })) }));
    out.stdout(JSON.stringify({ running: true, pid: record.pid, startedAt: record.startedAt, inventory: record.inventory, communes }, null, 2));
  } else {
    out.stderr(`lab for ${record.inventory}, pid ${record.pid}, since ${record.startedAt}`);
    printLab(record, out, (host, port) => (states.get(`${host}:${port}`) ? "up" : "NOT ANSWERING"));
  }
  return allUp ? 0 : 1;
}
