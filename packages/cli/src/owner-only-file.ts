/** A report or record written for its owner alone (mode 0600), an older copy's looser mode included. */
import { chmodSync, writeFileSync } from "node:fs";

export function writeOwnerOnly(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}
