/**
 * The emulated router's TLS certificate and key. Lab use only: the key is
 * public (it is in the repository), so it proves nothing outside the lab.
 */
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";

const dir = path.resolve(__dirname, "../../certs");

export function labCertificate(): { key: Buffer; cert: Buffer; fingerprint256: string } {
  const cert = readFileSync(path.join(dir, "routeros-lab.crt"));
  return { key: readFileSync(path.join(dir, "routeros-lab.key")), cert, fingerprint256: new X509Certificate(cert).fingerprint256 };
}
