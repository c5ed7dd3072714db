/**
 * The values of RouterOS firewall matchers, as the firewall manual defines
 * them: an address, a prefix or a range `a-b`; port lists `53,123` with
 * ranges `1000-2000`; a leading `!` negates a matcher.
 */
import { contains, parseAddress, parsePrefix, type Address } from "@communes/inventory";

export function negatable(value: string, test: (positive: string) => boolean): boolean {
  return value.startsWith("!") ? !test(value.slice(1)) : test(value);
}

type AddressTest = (address: Address) => boolean | undefined;

/** `10.0.0.0/8`, `10.0.0.1`, `10.0.0.1-10.0.0.9` or a comma list of them, as a test; undefined when none of it is an address (a DNS name). */
export function addressSpec(spec: string): AddressTest {
  const tests: Array<(a: Address) => boolean> = [];
  for (const one of spec.split(",")) {
    const range = /^([^/]+)-([^/]+)$/.exec(one);
    if (range) {
      const [lo, hi] = [parseAddress(range[1]!), parseAddress(range[2]!)];
      if (lo.ok && hi.ok) tests.push((a) => lo.value.family === a.family && a.value >= lo.value.value && a.value <= hi.value.value);
      continue;
    }
    if (one.includes("/")) {
      const prefix = parsePrefix(one);
      if (prefix.ok) tests.push((a) => contains(prefix.value, a));
      continue;
    }
    const single = parseAddress(one);
    if (single.ok) tests.push((a) => single.value.family === a.family && single.value.value === a.value);
  }
  return (a) => (tests.length === 0 ? undefined : tests.some((t) => t(a)));
}

const compiled = new Map<string, AddressTest>();

/** Whether an address is in an address spec (see addressSpec); specs are compiled once. */
export function inAddressSpec(spec: string, address: Address): boolean | undefined {
  let test = compiled.get(spec);
  if (!test) compiled.set(spec, (test = addressSpec(spec)));
  return test(address);
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
