import { describe, expect, it } from "vitest";
import { contains, formatPrefix, hostAddress, formatAddress, overlaps, parseAddress, parseInterface, parsePrefix, subnet, usableRange, type Prefix } from "./cidr";

const p = (text: string): Prefix => {
  const parsed = parsePrefix(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

describe("parsing", () => {
  it("accepts networks and rejects host bits, naming the network", () => {
    expect(formatPrefix(p("10.40.0.0/15"))).toBe("10.40.0.0/15");
    expect(parsePrefix("10.40.0.1/24")).toEqual({ ok: false, reason: "10.40.0.1/24 has host bits set; the network is 10.40.0.0/24" });
    expect(formatPrefix(p("2001:DB8:3800:0::/44"))).toBe("2001:db8:3800::/44");
  });

  it("rejects what is not an address, without regex guesses", () => {
    expect(parseAddress("10.0.0.256").ok).toBe(false);
    expect(parseAddress("10.1").ok).toBe(false);
    expect(parseAddress("2001:db8::g").ok).toBe(false);
    expect(parseAddress("fe80::1%eth0").ok).toBe(false);
    expect(parseAddress("10.0.0.1", 6).ok).toBe(false);
    expect(parsePrefix("10.0.0.0/33").ok).toBe(false);
    expect(parseInterface("10.255.0.2/30").ok).toBe(true);
  });
});

describe("arithmetic", () => {
  it("numbers subnets from the start of the parent and refuses past its end", () => {
    expect(formatPrefix((subnet(p("10.40.0.0/15"), 24, 7) as { value: Prefix }).value)).toBe("10.40.7.0/24");
    expect(formatPrefix((subnet(p("2001:db8:3800::/44"), 56, 7) as { value: Prefix }).value)).toBe("2001:db8:3800:700::/56");
    expect(subnet(p("10.38.0.0/18"), 27, 512)).toEqual({
      ok: false,
      reason: "10.38.0.0/18 holds 512 subnets of /27 (numbers 0 to 511); number 512 is past its end: the pool is exhausted",
    });
  });

  it("follows NetBox for usable addresses: /31 and /127 whole, IPv4 without network and broadcast", () => {
    expect(usableRange(p("10.0.0.0/30")).map((v) => formatAddress({ family: 4, value: v }))).toEqual(["10.0.0.1", "10.0.0.2"]);
    expect(usableRange(p("10.0.0.0/31")).map((v) => formatAddress({ family: 4, value: v }))).toEqual(["10.0.0.0", "10.0.0.1"]);
    expect(usableRange(p("2001:db8::/127")).map((v) => formatAddress({ family: 6, value: v }))).toEqual(["2001:db8::", "2001:db8::1"]);
    expect(formatAddress((hostAddress(p("2001:db8::/64"), -1) as { value: { family: 6; value: bigint } }).value)).toBe("2001:db8::ffff:ffff:ffff:ffff");
  });

  it("counts host numbers from both ends", () => {
    const net = p("10.40.7.0/24");
    expect(formatAddress((hostAddress(net, 1) as { value: { family: 4; value: bigint } }).value)).toBe("10.40.7.1");
    expect(formatAddress((hostAddress(net, -1) as { value: { family: 4; value: bigint } }).value)).toBe("10.40.7.254");
    expect(hostAddress(net, 255).ok).toBe(false);
    expect(hostAddress(net, 0).ok).toBe(false);
  });

  it("tells nesting and overlap, never across families", () => {
    expect(contains(p("10.40.0.0/15"), p("10.41.255.0/24"))).toBe(true);
    expect(overlaps(p("10.40.7.0/24"), p("10.40.7.128/25"))).toBe(true);
    expect(overlaps(p("10.40.7.0/25"), p("10.40.7.128/25"))).toBe(false);
    expect(overlaps(p("0.0.0.0/0"), p("::/0"))).toBe(false);
  });
});
