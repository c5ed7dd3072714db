/**
 * The SSH algorithms each emulated IOS family offers (sources in
 * docs/lab-switch.md, "SSH"):
 * - "ios-15": classic IOS, as SSH clients recorded it from a Catalyst
 *   2960-X, a 4500 and a 6500: SHA-1 key exchange only, the `ssh-rsa` host
 *   key, AES-CBC and 3DES, HMAC-SHA1 and HMAC-MD5.
 * - "ios-xe-17": IOS-XE 17 adds ECDH key exchange, RSA-SHA2 host key
 *   signatures and AES-GCM, and keeps the SHA-1 ones.
 * The lab switch offers these, in the devices' order, so negotiation is
 * exercised in tests, with one exception: the devices also offer
 * diffie-hellman-group-exchange-sha1, which the lab's SSH library cannot
 * serve (a client that chose it would fail against the lab and not against
 * the device), so the lab leaves it out. Both identify as IOS does,
 * `SSH-2.0-Cisco-1.25`.
 */
import type { Algorithms } from "ssh2";

export type IosSshFamily = "ios-15" | "ios-xe-17";

export const IOS_SSH_ALGORITHMS: Readonly<Record<IosSshFamily, Algorithms>> = {
  "ios-15": {
    kex: ["diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1"],
    serverHostKey: ["ssh-rsa"],
    cipher: ["aes128-cbc", "3des-cbc", "aes192-cbc", "aes256-cbc"],
    hmac: ["hmac-sha1", "hmac-sha1-96", "hmac-md5", "hmac-md5-96"],
  },
  "ios-xe-17": {
    kex: ["ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group14-sha1"],
    serverHostKey: ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"],
    cipher: ["aes128-gcm", "aes256-gcm", "aes128-ctr", "aes192-ctr", "aes256-ctr"],
    hmac: ["hmac-sha2-256", "hmac-sha2-512", "hmac-sha1"],
  },
};

/** The software version IOS sends in its SSH identification string. */
export const IOS_SSH_IDENT = "Cisco-1.25";
