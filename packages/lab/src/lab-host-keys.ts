/** The lab devices' fixed SSH host keys (certs/), and their fingerprints as `ssh-keygen -lf` prints them. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { utils } from "ssh2";

export type LabHostKey = "routeros" | "ios";

export function labHostKey(device: LabHostKey): Buffer {
  return readFileSync(path.resolve(__dirname, `../certs/${device}-lab-ssh-host`));
}

/** `SHA256:…` of the lab device's host key. */
export function labHostKeyFingerprint(device: LabHostKey): string {
  const parsed = utils.parseKey(labHostKey(device));
  if (parsed instanceof Error) throw parsed;
  const key = Array.isArray(parsed) ? parsed[0]! : parsed;
  return `SHA256:${createHash("sha256").update(key.getPublicSSH()).digest("base64").replace(/=+$/, "")}`;
}
