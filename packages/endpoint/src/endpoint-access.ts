/**
 * How to reach a meeting-room endpoint — its vendor's API, address, pinned
 * certificate, credentials — and the one factory that opens its driver. The
 * one type for an endpoint's reach: the provider and `adopt` use it.
 */
import type { EndpointDriver } from "./endpoint-settings";
import { CiscoDriver } from "./cisco/cisco-driver";
import { PolyDriver } from "./poly/poly-driver";

export interface EndpointAccess {
  /** Poly REST or Cisco xAPI. */
  vendor: "poly" | "cisco";
  host: string;
  /** Default: 443. */
  port?: number;
  username: string;
  password: string;
  /** SHA-256 fingerprint of the endpoint's certificate, pinned. */
  tlsFingerprint: string;
  /** How long to wait for each answer. Default: 15000. */
  timeoutMs?: number;
}

/** The driver of the endpoint named `device` (the room's system name, for messages). */
export function openEndpoint(device: string, access: EndpointAccess): EndpointDriver {
  const { vendor, tlsFingerprint, ...reach } = access;
  const target = { device, ...reach, pin: { fingerprint256: tlsFingerprint } };
  return vendor === "poly" ? new PolyDriver(target) : new CiscoDriver(target);
}
