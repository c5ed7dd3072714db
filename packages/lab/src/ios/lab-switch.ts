/** A ready emulated IOS switch for tests and demos, serving SSH on loopback. */
import type { ListenAddress } from "../listen";
import { labHostKeyFingerprint } from "../lab-host-keys";
import { IosSshServer, type IosFaults, type LabSwitchOptions } from "./ios-ssh-server";

export interface LabSwitch {
  server: IosSshServer;
  host: string;
  port: number;
  username: string;
  password: string;
  enableSecret?: string;
  /** The host key's fingerprint, as an engineer would pin it. */
  hostKeyFingerprint: string;
  setFaults(faults: IosFaults): void;
  close(): Promise<void>;
}

/** `listen`: where to serve SSH (default: 127.0.0.1, a port chosen by the system). */
export async function startLabSwitch(options: LabSwitchOptions = {}, listen: ListenAddress = {}): Promise<LabSwitch> {
  const username = options.username ?? "communes";
  const password = options.password ?? "lab-password";
  const server = new IosSshServer({ ...options, username, password });
  const port = await server.listen(listen);
  return {
    server,
    host: listen.host ?? "127.0.0.1",
    port,
    username,
    password,
    ...(options.enableSecret ? { enableSecret: options.enableSecret } : {}),
    hostKeyFingerprint: labHostKeyFingerprint("ios"),
    setFaults: (faults) => void (server.faults = { ...faults }),
    close: () => server.close(),
  };
}
