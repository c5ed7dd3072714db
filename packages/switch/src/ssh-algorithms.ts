/**
 * The SSH algorithms a CLI session offers: the modern ones first, in every
 * session; then only the legacy (SHA-1) ones a switch's family needs, named
 * one by one (ios/ssh-families.ts says which family needs which): SHA-1
 * key exchange and MAC, the `ssh-rsa` signature, AES-CBC.
 */
import type { Algorithms } from "ssh2";

type Lists = Record<"kex" | "serverHostKey" | "cipher" | "hmac", readonly string[]>;

/** What every session offers, best first: no SHA-1 anywhere. */
export const MODERN_SSH: Readonly<Lists> = {
  kex: ["curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256", "diffie-hellman-group14-sha256", "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512"],
  serverHostKey: ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256"],
  cipher: ["aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-gcm", "aes256-gcm", "chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr"],
  hmac: ["hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512"],
};

/** The legacy algorithms (SHA-1, CBC) a family may need, by the list they belong to. */
const LEGACY_KIND: Readonly<Record<string, keyof Lists>> = {
  "diffie-hellman-group14-sha1": "kex",
  "diffie-hellman-group-exchange-sha1": "kex",
  "ssh-rsa": "serverHostKey",
  "aes128-cbc": "cipher",
  "aes256-cbc": "cipher",
  "hmac-sha1": "hmac",
};

/** What a session offers: the modern algorithms, then the legacy ones named (each must be one this table knows). */
export function sshAlgorithms(legacy: readonly string[] = []): Algorithms {
  const out: Record<keyof Lists, string[]> = { kex: [...MODERN_SSH.kex], serverHostKey: [...MODERN_SSH.serverHostKey], cipher: [...MODERN_SSH.cipher], hmac: [...MODERN_SSH.hmac] };
  for (const name of legacy) {
    const kind = LEGACY_KIND[name];
    if (!kind) throw new Error(`${name} is not an SSH algorithm this project offers (known legacy ones: ${Object.keys(LEGACY_KIND).join(", ")})`);
    out[kind].push(name);
  }
  return out as Algorithms;
}
