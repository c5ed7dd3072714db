/** The lab's devices as a table: commune, device, address, service. */
import type { LabRecord } from "@communes/lab";
import type { Output } from "../output";

export function printLab(record: LabRecord, out: Output, state?: (host: string, port: number) => string): void {
  const rows = record.communes.flatMap((c) =>
    c.devices.map((d) => [`${c.kind} ${c.name}`, d.kind, d.name, `${d.host}:${d.port}`, d.service, ...(state ? [state(d.host, d.port)] : [])]),
  );
  const header = ["commune", "kind", "device", "address", "service", ...(state ? ["state"] : [])];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ");
  out.stdout([line(header), ...rows.map(line)].join("\n"));
}
