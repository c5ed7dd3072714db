/**
 * The SSH algorithms each emulated IOS family offers, as the devices list
 * them in `show ip ssh` (sources in docs/lab-switch.md):
 * - "ios-15": classic IOS 15.x (Catalyst 2960-X on 15.2(7)E, ISR G2):
 *   SHA-1 key exchange only, the `ssh-rsa` host key, AES-CTR.
 * - "ios-xe-17": IOS-XE 17 adds ECDH key exchange, RSA-SHA2 host key
 *   signatures and AES-GCM, and keeps the SHA-1 ones.
 * The lab switch offers these, so negotiation is exercised in tests, with
 * one exception: the devices also offer diffie-hellman-group-exchange-sha1,
 * which the lab's SSH library cannot serve (a client that chose it would
 * fail against the lab and not against the device), so the lab leaves it out.
 */
import type { Algorithms } from "ssh2";

export type IosSshFamily = "ios-15" | "ios-xe-17";

export const IOS_SSH_ALGORITHMS: Readonly<Record<IosSshFamily, Algorithms>> = {
  "ios-15": {
    kex: ["diffie-hellman-group14-sha1"],
    serverHostKey: ["ssh-rsa"],
    cipher: ["aes128-ctr", "aes192-ctr", "aes256-ctr"],
    hmac: ["hmac-sha2-256", "hmac-sha2-512", "hmac-sha1"],
  },
  "ios-xe-17": {
    kex: ["ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group14-sha1"],
    serverHostKey: ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"],
    cipher: ["aes128-gcm", "aes256-gcm", "aes128-ctr", "aes192-ctr", "aes256-ctr"],
    hmac: ["hmac-sha2-256", "hmac-sha2-512", "hmac-sha1"],
  },
};
