import { describe, expect, it } from "vitest";
import { configSecrets, hideSecrets } from "./hidden-secrets";

describe("secrets a device shows", () => {
  it("are the configuration's password-named values, nested or JSON-encoded, and nothing else", () => {
    const config = { routeros: { host: "127.0.0.1", transport: "api", username: "communes", password: "s3cret-router" }, ios: JSON.stringify({ host: "h", password: "sw-pass", enableSecret: "en-pass" }), inventory: "x.yaml" };
    expect(configSecrets(config).sort()).toEqual(["en-pass", "s3cret-router", "sw-pass"]);
  });

  it("are hidden inside longer texts and keys, longest first; a value equal to one is left for the engine to wrap; short ones are not looked for", () => {
    const state = { entries: { "pw=s3cret-router": { comment: "pw=s3cret-router now", password: "s3cret-router", note: "api" } } };
    expect(hideSecrets(state, ["s3cret-router", "s3cret", "api"])).toEqual({ entries: { "pw=[secret]": { comment: "pw=[secret] now", password: "s3cret-router", note: "api" } } });
    expect(hideSecrets(state, [])).toBe(state);
  });
});
