/** An SSH host key's fingerprint as `ssh-keygen -lf` prints it: `SHA256:` and unpadded base64. */
import { createHash } from "node:crypto";

export function sshFingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}
