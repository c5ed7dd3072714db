import { describe, expect, it } from "vitest";
import { normalise } from "./normalise";

describe("normalise", () => {
  it("spells booleans, rates, durations and sets one way", () => {
    expect(["yes", "true"].map((v) => normalise("bool", v))).toEqual(["true", "true"]);
    expect(["no", "false"].map((v) => normalise("bool", v))).toEqual(["false", "false"]);
    expect(["10M", "10000k", "10000000"].map((v) => normalise("bits", v))).toEqual(["10000000", "10000000", "10000000"]);
    expect(["1d", "24h", "1d00:00:00", "86400", "1440m"].map((v) => normalise("duration", v))).toEqual(Array(5).fill("86400"));
    expect(normalise("duration", "3m20s")).toBe("200");
    expect(normalise("set", "ether5, bridge,,")).toBe("bridge,ether5");
  });

  it("keeps what it cannot parse as written", () => {
    expect(normalise("bits", "unlimited")).toBe("unlimited");
    expect(normalise("duration", "never")).toBe("never");
    expect(normalise("text", "Yes")).toBe("Yes");
  });
});
