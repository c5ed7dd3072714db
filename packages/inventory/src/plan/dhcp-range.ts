/** A zone's DHCP pool inside one subnet, from host numbers. */
import { formatAddress, formatPrefix, hostAddress, type Address, type Prefix } from "../addressing/cidr";

export interface HostRange {
  firstHost: number;
  lastHost: number;
}

/** Why the pool does not fit `subnet`, or undefined when it does. */
export function dhcpProblem(subnet: Prefix, range: HostRange): string | undefined {
  const first = hostAddress(subnet, range.firstHost);
  const last = hostAddress(subnet, range.lastHost);
  if (!first.ok) return `the DHCP pool's firstHost does not fit: ${first.reason}`;
  if (!last.ok) return `the DHCP pool's lastHost does not fit: ${last.reason}`;
  if (first.value.value > last.value.value) {
    return `the DHCP pool starts at ${formatAddress(first.value)}, after its end ${formatAddress(last.value)} in ${formatPrefix(subnet)}`;
  }
  const gateway = hostAddress(subnet, 1);
  if (gateway.ok && first.value.value <= gateway.value.value) return `the DHCP pool includes the gateway ${formatAddress(gateway.value)} (host 1)`;
  return undefined;
}

/** The pool's first and last addresses; only call when dhcpProblem() is undefined. */
export function dhcpRange(subnet: Prefix, range: HostRange): { first: Address; last: Address } {
  const first = hostAddress(subnet, range.firstHost);
  const last = hostAddress(subnet, range.lastHost);
  if (!first.ok || !last.ok) throw new Error("dhcpRange called on a pool that does not fit");
  return { first: first.value, last: last.value };
}
