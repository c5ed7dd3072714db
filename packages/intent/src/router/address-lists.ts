/** The firewall's address lists: each destination, all of them together, and who may manage the router. */
import type { Fields, RouterContext, TableIntent } from "./context";
import { addressList, DESTINATIONS_LIST, MANAGERS_LIST } from "./names";

export function addressListTables({ destinations, managers }: RouterContext): TableIntent[] {
  const lists = (family: 4 | 6): Fields[] => {
    const entries: Fields[] = [];
    for (const d of destinations.values()) {
      for (const address of family === 4 ? d.v4 : d.v6) entries.push({ list: addressList(d.name), address }, { list: DESTINATIONS_LIST, address });
    }
    for (const address of managers[family]) entries.push({ list: MANAGERS_LIST, address });
    return [...new Map(entries.map((e) => [`${e.list} ${e.address}`, e])).values()];
  };
  return [
    { path: "/ip/firewall/address-list", entries: lists(4) },
    { path: "/ipv6/firewall/address-list", entries: lists(6) },
  ];
}
