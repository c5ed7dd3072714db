/** Where a lab device listens: loopback only; port 0 (default) lets the system choose. */
export interface ListenAddress {
  /** A loopback address (127.0.0.0/8); default 127.0.0.1. */
  host?: string;
  port?: number;
}

interface Listener {
  listen(port: number, host: string, callback: () => void): unknown;
  once(event: "error", listener: (err: Error) => void): unknown;
  removeListener(event: "error", listener: (err: Error) => void): unknown;
  address(): unknown;
}

/** Starts listening; rejects (rather than crashing the process) when the address is taken. */
export async function listenOn(server: Listener, at: ListenAddress = {}): Promise<number> {
  const host = at.host ?? "127.0.0.1";
  if (!/^127\.\d+\.\d+\.\d+$/.test(host)) throw new Error(`lab devices listen on loopback only, not ${host}`);
  await new Promise<void>((resolve, reject) => {
    const fail = (err: Error) => reject(Object.assign(new Error(`cannot listen on ${host}:${at.port ?? 0}: ${err.message}`), { code: (err as NodeJS.ErrnoException).code }));
    server.once("error", fail);
    server.listen(at.port ?? 0, host, () => {
      server.removeListener("error", fail);
      resolve();
    });
  });
  return (server.address() as { port: number }).port;
}
