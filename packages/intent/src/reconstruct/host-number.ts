import { usableRange, type Address, type Prefix } from "@communes/inventory";

/** Host number `n` of an address in its prefix (1 = first usable), as the inventory writes it. */
export function hostNumber(prefix: Prefix, address: Address): number | undefined {
  const [first, last] = usableRange(prefix);
  if (address.family !== prefix.family || address.value < first || address.value > last) return undefined;
  return Number(address.value - first) + 1;
}
