/**
 * IPv4 and IPv6 addresses and prefixes as numbers, parsed with `ip-address`
 * (never by regex), with the arithmetic the addressing plan needs. Usable
 * addresses follow NetBox: network and broadcast excluded in IPv4 except
 * /31 and /32; the subnet-router anycast address excluded in IPv6 except /127
 * and /128.
 */
import { Address4, Address6 } from "ip-address";

export type Family = 4 | 6;

export interface Address {
  family: Family;
  value: bigint;
}

export interface Prefix {
  family: Family;
  /** The network address. */
  network: bigint;
  length: number;
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseAddress(text: string, family?: Family): Parsed<Address> {
  if (text.includes("/")) return { ok: false, reason: `${JSON.stringify(text)} is a prefix; an address has no /length` };
  if (family !== 6 && Address4.isValid(text) && /^\d+\.\d+\.\d+\.\d+$/.test(text)) {
    return { ok: true, value: { family: 4, value: new Address4(text).bigInt() } };
  }
  if (family !== 4 && Address6.isValid(text) && !text.includes("%")) {
    return { ok: true, value: { family: 6, value: new Address6(text).bigInt() } };
  }
  const kind = family === 4 ? "IPv4 address" : family === 6 ? "IPv6 address" : "IP address";
  return { ok: false, reason: `${JSON.stringify(text)} is not a valid ${kind}` };
}

function splitCidr(text: string): [string, string] | undefined {
  const slash = text.indexOf("/");
  if (slash < 0 || slash !== text.lastIndexOf("/")) return undefined;
  return [text.slice(0, slash), text.slice(slash + 1)];
}

/** An address with the prefix length of its link, e.g. 10.255.38.2/30. */
export function parseInterface(text: string, family?: Family): Parsed<{ address: Address; prefix: Prefix }> {
  const parts = splitCidr(text);
  if (!parts || !/^\d{1,3}$/.test(parts[1])) {
    return { ok: false, reason: `${JSON.stringify(text)} is not an address with a prefix length, like 10.0.0.1/30` };
  }
  const address = parseAddress(parts[0], family);
  if (!address.ok) return address;
  const length = Number(parts[1]);
  const bits = BITS[address.value.family];
  if (length > bits) return { ok: false, reason: `/${length} is longer than the ${bits} bits of an IPv${address.value.family} address` };
  return { ok: true, value: { address: address.value, prefix: { family: address.value.family, network: mask(address.value.value, length, address.value.family), length } } };
}

/** A network with no host bits set, e.g. 10.40.0.0/14. */
export function parsePrefix(text: string, family?: Family): Parsed<Prefix> {
  const iface = parseInterface(text, family);
  if (!iface.ok) return { ok: false, reason: iface.reason.replace("an address with a prefix length, like 10.0.0.1/30", "a network in CIDR form, like 10.0.0.0/24") };
  const { address, prefix } = iface.value;
  if (address.value !== prefix.network) {
    return { ok: false, reason: `${text} has host bits set; the network is ${formatPrefix(prefix)}` };
  }
  return { ok: true, value: prefix };
}

function mask(value: bigint, length: number, family: Family): bigint {
  const host = BigInt(BITS[family] - length);
  return (value >> host) << host;
}

export function size(prefix: Prefix): bigint {
  return 1n << BigInt(BITS[prefix.family] - prefix.length);
}

export function lastAddress(prefix: Prefix): bigint {
  return prefix.network + size(prefix) - 1n;
}

export function formatAddress(address: Address): string {
  return address.family === 4 ? Address4.fromBigInt(address.value).correctForm() : Address6.fromBigInt(address.value).correctForm();
}

export function formatPrefix(prefix: Prefix): string {
  return `${formatAddress({ family: prefix.family, value: prefix.network })}/${prefix.length}`;
}

export function contains(outer: Prefix, inner: Prefix | Address): boolean {
  if (outer.family !== inner.family) return false;
  const [start, end] = "length" in inner ? [inner.network, lastAddress(inner)] : [inner.value, inner.value];
  return start >= outer.network && end <= lastAddress(outer);
}

export function overlaps(a: Prefix, b: Prefix): boolean {
  return a.family === b.family && a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

/** The `index`-th subnet of length `length` inside `parent`, or why there is none. */
export function subnet(parent: Prefix, length: number, index: number): Parsed<Prefix> {
  if (length < parent.length) {
    return { ok: false, reason: `/${length} subnets cannot come from the larger-numbered ${formatPrefix(parent)}` };
  }
  const count = 1n << BigInt(length - parent.length);
  if (BigInt(index) >= count) {
    return { ok: false, reason: `${formatPrefix(parent)} holds ${count} subnets of /${length} (numbers 0 to ${count - 1n}); number ${index} is past its end: the pool is exhausted` };
  }
  return { ok: true, value: { family: parent.family, network: parent.network + BigInt(index) * (1n << BigInt(BITS[parent.family] - length)), length } };
}

/** First and last usable addresses (NetBox rules). */
export function usableRange(prefix: Prefix): [bigint, bigint] {
  const bits = BITS[prefix.family];
  if (prefix.length >= bits - 1) return [prefix.network, lastAddress(prefix)];
  if (prefix.family === 4) return [prefix.network + 1n, lastAddress(prefix) - 1n];
  return [prefix.network + 1n, lastAddress(prefix)];
}

/**
 * Host number `n` of the prefix: 1 is the first usable address; negative
 * numbers count back from the last usable one (-1 is the last).
 */
export function hostAddress(prefix: Prefix, n: number): Parsed<Address> {
  const [first, last] = usableRange(prefix);
  const value = n > 0 ? first + BigInt(n - 1) : last + BigInt(n + 1);
  if (n === 0 || value < first || value > last) {
    return { ok: false, reason: `${formatPrefix(prefix)} has no host number ${n} (usable: 1 to ${last - first + 1n}, or -1 backwards)` };
  }
  return { ok: true, value: { family: prefix.family, value } };
}

export function isUsable(prefix: Prefix, address: Address): boolean {
  const [first, last] = usableRange(prefix);
  return address.family === prefix.family && address.value >= first && address.value <= last;
}
