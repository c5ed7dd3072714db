import { describe, expect, it } from "vitest";
import { containsUnknown, SECRET_SIG, SPECIAL_SIG_KEY, UNKNOWN_VALUE, unwrapSecrets, wrapSecrets } from "./wire";

const secret = (value: unknown) => ({ [SPECIAL_SIG_KEY]: SECRET_SIG, value });

describe("secrets on the wire", () => {
  it("unwraps secrets at any depth and remembers the values they held", () => {
    const { values, secrets } = unwrapSecrets({
      password: secret("s3cr3t"),
      users: [{ name: "admin", password: secret("x") }],
      host: "192.0.2.1",
    });
    expect(values).toEqual({ password: "s3cr3t", users: [{ name: "admin", password: "x" }], host: "192.0.2.1" });
    expect([...secrets].sort()).toEqual(["s3cr3t", "x"]);
  });

  it("wraps those values again wherever they sit, leaving their neighbours plain", () => {
    const wrapped = wrapSecrets({ password: "s3cr3t", settings: { "sip.password": "s3cr3t", "sip.uri": "u" }, keyed: { admin: { password: "s3cr3t" } }, host: "h", gone: undefined }, new Set(["s3cr3t"]));
    expect(wrapped).toEqual({ password: secret("s3cr3t"), settings: { "sip.password": secret("s3cr3t"), "sip.uri": "u" }, keyed: { admin: { password: secret("s3cr3t") } }, host: "h", gone: undefined });
  });

  it("finds unknown values inside nested inputs", () => {
    expect(containsUnknown({ a: [1, { b: UNKNOWN_VALUE }] })).toBe(true);
    expect(containsUnknown({ a: [1, { b: "known" }] })).toBe(false);
  });
});
