/**
 * The lab's emulated meeting-room endpoints: a Poly G7500 (VideoOS REST,
 * poly-endpoint.ts) or a Cisco Room Kit (RoomOS xAPI, cisco-endpoint.ts),
 * over HTTPS with the lab certificate on loopback. Each behaves as the real
 * device is documented to (the sources in docs/videoconference.md), and reports
 * SIP and H.323 registered only when set up for the lab MCU (lab-mcu.ts).
 */
import { labCertificate } from "../routeros/lab-certificate";
import type { ListenAddress } from "../listen";
import { LabCiscoEndpoint, type LabCiscoOptions } from "./cisco-endpoint";
import type { LabMcu } from "./lab-mcu";
import { LabPolyEndpoint, type LabPolyOptions } from "./poly-endpoint";

export { LabCiscoEndpoint, type LabCiscoOptions } from "./cisco-endpoint";
export type { EmulatedEndpointOptions, EndpointFaults } from "./emulated-endpoint";
export type { LabMcu } from "./lab-mcu";
export { LabPolyEndpoint, type LabPolyOptions, type PolySoftwareVersion } from "./poly-endpoint";

export interface LabEndpoint {
  vendor: "poly" | "cisco";
  device: LabPolyEndpoint | LabCiscoEndpoint;
  host: string;
  port: number;
  username: string;
  password: string;
  fingerprint256: string;
  close(): Promise<void>;
}

/**
 * `listen`: where to serve HTTPS (default: 127.0.0.1, a port chosen by the
 * system). `options`: the device's (a Cisco takes only `clock`).
 */
export async function startLabEndpoint(
  vendor: "poly" | "cisco",
  mcu: LabMcu,
  credentials = { username: "admin", password: "lab-password" },
  listen: ListenAddress = {},
  options: LabPolyOptions & LabCiscoOptions = {},
): Promise<LabEndpoint> {
  const device = vendor === "poly" ? new LabPolyEndpoint(credentials.username, credentials.password, mcu, options) : new LabCiscoEndpoint(credentials.username, credentials.password, mcu, options);
  const port = await device.listen(listen);
  return { vendor, device, host: listen.host ?? "127.0.0.1", port, ...credentials, fingerprint256: labCertificate().fingerprint256, close: () => device.close() };
}
