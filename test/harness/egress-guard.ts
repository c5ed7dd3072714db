/**
 * A recording HTTP(S) proxy on loopback. Pulumi processes of the end-to-end
 * tests get it as HTTP_PROXY/HTTPS_PROXY, so any attempt to reach a host
 * outside this machine (update checks, plugin downloads, registries, Pulumi
 * Cloud) lands here, is refused, and is listed for the test to assert on.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface EgressGuard {
  /** `http://127.0.0.1:<port>`, for the *_PROXY variables. */
  readonly url: string;
  /** Every host:port something tried to reach, in order. */
  readonly attempts: string[];
  close(): Promise<void>;
}

export async function startEgressGuard(): Promise<EgressGuard> {
  const attempts: string[] = [];
  const server = http.createServer((req, res) => {
    attempts.push(req.headers.host ?? req.url ?? "?");
    res.writeHead(403).end("egress refused by the communes test harness\n");
  });
  server.on("connect", (req, socket) => {
    attempts.push(req.url ?? "?");
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
