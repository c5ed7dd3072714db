import { describe, expect, it } from "vitest";
import { containsUnknown, SECRET_SIG, SPECIAL_SIG_KEY, UNKNOWN_VALUE, unwrapSecrets, wrapSecrets } from "./wire";

const secret = (value: unknown) => ({ [SPECIAL_SIG_KEY]: SECRET_SIG, value });

describe("secrets on the wire", () => {
  it("unwraps secrets at any depth and remembers where they were", () => {
    const { values, secrets } = unwrapSecrets({
      password: secret("s3cr3t"),
      users: [{ name: "admin", password: secret("x") }],
      host: "192.0.2.1",
    });
    expect(values).toEqual({ password: "s3cr3t", users: [{ name: "admin", password: "x" }], host: "192.0.2.1" });
    expect(secrets).toEqual([["password"], ["users", 0, "password"]]);
  });

  it("wraps each secret again where it was, leaving the rest of its property plain", () => {
    const settings = { systemName: "Hội trường", "sip.password": "x" };
    expect(wrapSecrets({ password: "s3cr3t", settings, host: "h", gone: undefined }, [["password"], ["settings", "sip.password"], ["gone"]])).toEqual({
      password: secret("s3cr3t"),
      settings: { systemName: "Hội trường", "sip.password": secret("x") },
      host: "h",
      gone: undefined,
    });
  });

  it("marks the whole top-level property when the secret's place is gone (a list keyed into a map)", () => {
    const { values, secrets } = unwrapSecrets({ entries: [{ name: "pppoe-out1", password: secret("x") }] });
    const keyed = { entries: { "pppoe-out1": (values.entries as Array<Record<string, string>>)[0] } };
    expect(wrapSecrets(keyed, secrets)).toEqual({ entries: secret({ "pppoe-out1": { name: "pppoe-out1", password: "x" } }) });
    // An index never matches a map key that happens to be the same number.
    expect(wrapSecrets({ entries: { 0: { password: "y" }, a: { password: "x" } } }, [["entries", 0, "password"]])).toEqual({ entries: secret({ 0: { password: "y" }, a: { password: "x" } }) });
  });

  it("does not mark a secret twice when a secret holds another", () => {
    const { values, secrets } = unwrapSecrets({ a: secret({ b: secret("x") }) });
    expect(wrapSecrets(values, secrets)).toEqual({ a: secret({ b: "x" }) });
  });

  it("finds unknown values inside nested inputs", () => {
    expect(containsUnknown({ a: [1, { b: UNKNOWN_VALUE }] })).toBe(true);
    expect(containsUnknown({ a: [1, { b: "known" }] })).toBe(false);
  });
});
