/** How a driver reaches one endpoint. */
import type { Pin } from "./https-json";

export interface EndpointTarget {
  /** The name errors use: the room's system name. */
  device: string;
  host: string;
  /** Default: 443. */
  port?: number;
  username: string;
  password: string;
  pin: Pin;
  /** How long to wait for each answer. Default: 15000. */
  timeoutMs?: number;
}
