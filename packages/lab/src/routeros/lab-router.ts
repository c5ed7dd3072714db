/**
 * A ready emulated router for tests and demos: one device with a user,
 * serving the binary API (plain or TLS), the REST API (HTTPS) and SSH on loopback.
 */
import { RouterOsApiServer, type ApiFaults } from "./api-server";
import { RouterOsDevice } from "./device";
import { labCertificate } from "./lab-certificate";
import { labHostKeyFingerprint } from "../lab-host-keys";
import { RouterOsRestServer } from "./rest-server";
import { RouterOsSshServer } from "./ssh-server";

export interface LabRouterOptions {
  /** RouterOS version emulated; 7.18 and later answer empty prints with `!empty`. Default 7.19.4. */
  version?: string;
  username?: string;
  password?: string;
  /** Serve the binary API as api-ssl (TLS, lab certificate) instead of plain api. */
  tls?: boolean;
  faults?: ApiFaults;
  /** Where to listen (default: 127.0.0.1, ports chosen by the system). */
  listen?: { host?: string; apiPort?: number; restPort?: number; sshPort?: number };
}

export interface LabRouter {
  device: RouterOsDevice;
  /** The binary API service. */
  server: RouterOsApiServer;
  rest: RouterOsRestServer;
  /** SSH, for `/export`. */
  ssh: RouterOsSshServer;
  host: string;
  /** Port of the binary API. */
  port: number;
  restPort: number;
  sshPort: number;
  username: string;
  password: string;
  /** SHA-256 fingerprint of the lab certificate (api-ssl and REST), to pin. */
  fingerprint256: string;
  /** The SSH host key's fingerprint, as an engineer would pin it. */
  sshHostKeyFingerprint: string;
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
  const tls = { key: cert.key, cert: cert.cert };
  const server = new RouterOsApiServer({ device, ...(options.tls ? { tls } : {}), ...(options.faults ? { faults: options.faults } : {}) });
  const rest = new RouterOsRestServer({ device, tls });
  const ssh = new RouterOsSshServer(device);
  const host = options.listen?.host ?? "127.0.0.1";
  const port = await server.listen({ host, port: options.listen?.apiPort ?? 0 });
  const restPort = await rest.listen({ host, port: options.listen?.restPort ?? 0 });
  const sshPort = await ssh.listen({ host, port: options.listen?.sshPort ?? 0 });
  return {
    device,
    server,
    rest,
    ssh,
    host,
    port,
    restPort,
    sshPort,
    username,
    password,
    fingerprint256: cert.fingerprint256,
    sshHostKeyFingerprint: labHostKeyFingerprint("routeros"),
    close: async () => {
      await server.close();
      await rest.close();
      await ssh.close();
    },
  };
}
