/** How a driver reaches one endpoint. */
import type { Pin } from "./https-json";
import type { EndpointAccess } from "./endpoint-access";

/** What a driver is given: an EndpointAccess (openEndpoint makes one from it), named for messages, with its certificate pin. */
export interface EndpointTarget extends Omit<EndpointAccess, "vendor" | "tlsFingerprint"> {
  /** The name errors use: the room's system name. */
  device: string;
  pin: Pin;
}
