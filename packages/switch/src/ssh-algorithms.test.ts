/** What the sessions offer: modern algorithms always, legacy (SHA-1, CBC) ones only for the families named, after the modern ones. */
import { describe, expect, it } from "vitest";
import { sshFamilyOf } from "./ios/ssh-families";
import { MODERN_SSH, sshAlgorithms } from "./ssh-algorithms";

describe("SSH algorithms", () => {
  it("offers no SHA-1 algorithm unless a family asks for it", () => {
    for (const list of Object.values(MODERN_SSH)) for (const name of list) expect(name).not.toMatch(/sha1|^ssh-rsa$|-cbc$/);
    expect(sshAlgorithms()).toEqual({ kex: [...MODERN_SSH.kex], serverHostKey: [...MODERN_SSH.serverHostKey], cipher: [...MODERN_SSH.cipher], hmac: [...MODERN_SSH.hmac] });
  });

  it("adds a family's legacy algorithms after the modern ones of their kind", () => {
    const legacy = sshFamilyOf("Catalyst 2960-X 24")!.legacy;
    const offered = sshAlgorithms(legacy) as Record<"kex" | "serverHostKey" | "cipher" | "hmac", string[]>;
    expect(offered.kex.slice(-2)).toEqual(["diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1"]);
    expect(offered.kex.slice(0, MODERN_SSH.kex.length)).toEqual([...MODERN_SSH.kex]);
    expect(offered.serverHostKey.at(-1)).toBe("ssh-rsa");
    expect(offered.cipher.slice(MODERN_SSH.cipher.length)).toEqual(["aes128-cbc", "aes256-cbc"]);
    expect(offered.hmac.slice(MODERN_SSH.hmac.length)).toEqual(["hmac-sha1"]);
    expect(() => sshAlgorithms(["diffie-hellman-group1-sha1"])).toThrow("diffie-hellman-group1-sha1 is not an SSH algorithm this project offers");
  });

  it("knows the families by model: classic IOS 15 needs SHA-1 key exchange, IOS-XE 17 does not, an unknown model gets modern ones only", () => {
    expect(sshFamilyOf("Catalyst 2960-X 48")?.name).toBe("IOS 15 (classic)");
    expect(sshFamilyOf("Catalyst 9300-24T")?.legacy).toEqual([]);
    expect(sshFamilyOf("Aruba 2930F")).toBeUndefined();
  });
});
