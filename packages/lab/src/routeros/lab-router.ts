/** A ready emulated router for tests and demos: a device with a user, serving its API on loopback. */
import { RouterOsApiServer, type ApiFaults } from "./api-server";
import { RouterOsDevice } from "./device";
import { labCertificate } from "./lab-certificate";

export interface LabRouterOptions {
  /** RouterOS version emulated; 7.18 and later answer empty prints with `!empty`. Default 7.19.4. */
  version?: string;
  username?: string;
  password?: string;
  /** Serve api-ssl with the lab certificate instead of plain api. */
  tls?: boolean;
  faults?: ApiFaults;
}

export interface LabRouter {
  device: RouterOsDevice;
  server: RouterOsApiServer;
  host: string;
  port: number;
  username: string;
  password: string;
  /** SHA-256 fingerprint of the TLS certificate, to pin. */
  fingerprint256: string;
  close(): Promise<void>;
}

export async function startLabRouter(options: LabRouterOptions = {}): Promise<LabRouter> {
  const device = new RouterOsDevice(options.version);
  const username = options.username ?? "communes";
  const password = options.password ?? "lab-password";
  device.addUser({ name: username, password, group: "full" });
  device.writes = 0;
  device.calls.clear();
  const cert = labCertificate();
  const server = new RouterOsApiServer({ device, ...(options.tls ? { tls: { key: cert.key, cert: cert.cert } } : {}), ...(options.faults ? { faults: options.faults } : {}) });
  const port = await server.listen();
  return { device, server, host: "127.0.0.1", port, username, password, fingerprint256: cert.fingerprint256, close: () => server.close() };
}
