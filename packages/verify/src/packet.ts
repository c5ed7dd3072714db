/** A packet as the firewall sees it. */
import type { Address, Family } from "@communes/inventory";

export interface Packet {
  family: Family;
  src: Address;
  dst: Address;
  protocol: "tcp" | "udp" | "icmp";
  /** Destination port (tcp, udp). */
  dstPort?: number;
  /** Source port (tcp, udp): an ephemeral one unless said. */
  srcPort?: number;
  /** Interface it arrives on; none for the router's own packets. */
  in?: string;
  /** Interface it leaves by; none for packets to the router itself. */
  out?: string;
  /** Connection tracking state: the first packet of a connection is `new`, its reply `established`. */
  state: "new" | "established";
}

export const EPHEMERAL_PORT = 49152;
