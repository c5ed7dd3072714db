/**
 * The values of RouterOS firewall matchers, as the firewall manual defines
 * them: an address, a prefix or a range `a-b`; port lists `53,123` with
 * ranges `1000-2000`; a leading `!` negates a matcher.
 */
import { contains, parseAddress, parsePrefix, type Address } from "@communes/inventory";

export function negatable(value: string, test: (positive: string) => boolean): boolean {
  return value.startsWith("!") ? !test(value.slice(1)) : test(value);
}

/** Whether an address is in `10.0.0.0/8`, `10.0.0.1`, `10.0.0.1-10.0.0.9` (or a comma list of them). Undefined when the spec is not an address (a DNS name). */
export function inAddressSpec(spec: string, address: Address): boolean | undefined {
  let known = false;
  for (const one of spec.split(",")) {
    const range = /^([^/]+)-([^/]+)$/.exec(one);
    if (range) {
      const [lo, hi] = [parseAddress(range[1]!), parseAddress(range[2]!)];
      if (!lo.ok || !hi.ok) continue;
      known = true;
      if (lo.value.family === address.family && address.value >= lo.value.value && address.value <= hi.value.value) return true;
      continue;
    }
    const prefix = one.includes("/") ? parsePrefix(one) : undefined;
    if (prefix) {
      if (!prefix.ok) continue;
      known = true;
      if (contains(prefix.value, address)) return true;
      continue;
    }
    const single = parseAddress(one);
    if (!single.ok) continue;
    known = true;
    if (single.value.family === address.family && single.value.value === address.value) return true;
  }
  return known ? false : undefined;
}

export function inPorts(spec: string, port: number): boolean {
  return spec.split(",").some((one) => {
    const [lo, hi] = one.split("-").map(Number);
    return hi === undefined ? port === lo : port >= lo! && port <= hi;
  });
}

/** Protocol names RouterOS accepts for the ones the verifier asks about, and their numbers. */
const PROTOCOLS: Record<string, string[]> = { tcp: ["tcp", "6"], udp: ["udp", "17"], icmp: ["icmp", "1"], icmpv6: ["icmpv6", "58"] };

export function isProtocol(spec: string, protocol: "tcp" | "udp" | "icmp" | "icmpv6"): boolean {
  return PROTOCOLS[protocol]!.includes(spec);
}
