/**
 * The SSH algorithms the sessions offer, per IOS model family. Every
 * session offers the modern algorithms first; a family whose software
 * offers only SHA-1 ones (classic IOS 15.x) gets exactly those added after
 * them, named here and shown in the switch's preview (its
 * `sshLegacyAlgorithms`), never as a silent global downgrade. Sources:
 * docs/switches.md, "SSH algorithms".
 */
export interface IosSshFamily {
  name: string;
  /** Models of the inventory (`switches[].model`) in this family. */
  models: RegExp;
  /** The SHA-1 algorithms its software offers and nothing better: added after the modern ones. */
  legacy: readonly string[];
}

export const IOS_SSH_FAMILIES: readonly IosSshFamily[] = [
  // Classic IOS (recorded from a 2960-X, a 4500 and a 6500, all "SSH-2.0-Cisco-1.25") offers SHA-1 key exchange
  // (group-exchange, group14, group1), the ssh-rsa host key, AES-CBC and 3DES, and hmac-sha1/md5: nothing modern.
  {
    name: "IOS 15 (classic)",
    models: /^Catalyst (2960|3560|3750)/i,
    legacy: ["diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1", "ssh-rsa", "aes128-cbc", "aes256-cbc", "hmac-sha1"],
  },
  // IOS-XE 17 offers ECDH key exchange and RSA-SHA2 host key signatures.
  { name: "IOS-XE 17", models: /^Catalyst (9200|9300|9400|9500|1000)/i, legacy: [] },
];

/** The family of an inventory model; undefined for a model no row names (it is offered the modern algorithms only). */
export function sshFamilyOf(model: string): IosSshFamily | undefined {
  return IOS_SSH_FAMILIES.find((f) => f.models.test(model));
}
