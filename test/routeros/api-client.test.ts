/** Our RouterOS transports — the binary API (plain and TLS) and the REST API — against the lab router. */
import { RouterOsApiClient, RouterOsRestClient } from "@communes/routeros";
import { describe, expect, it } from "vitest";
import { transportConformance } from "./transport-conformance";

for (const tls of [false, true]) {
  transportConformance(`RouterOsApiClient (${tls ? "api-ssl" : "api"})`, {
    tls,
    make: (router, o) =>
      new RouterOsApiClient({
        host: router.host,
        port: router.port,
        username: router.username,
        password: o?.password ?? router.password,
        ...(o?.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
        ...(tls ? { tls: { fingerprint256: o?.fingerprint256 ?? router.fingerprint256 } } : {}),
      }),
    connections: (router) => router.server.connections,
    setLatency: (router, ms) => router.server.setFaults({ latencyMs: ms }),
    dropDuringNextCommand: (router) => router.server.setFaults({ dropOnCommand: 1 }),
    fragmentReplies: (router) => router.server.setFaults({ fragmentWrites: 1, fragmentDelayMs: 1 }),
    quit: (transport) => (transport as RouterOsApiClient).command("/quit"),
    trapCategories: true,
    refusedLogin: /login as communes refused: invalid user name or password \(6\)/,
  });
}

transportConformance("RouterOsRestClient (rest)", {
  tls: true,
  make: (router, o) =>
    new RouterOsRestClient({
      host: router.host,
      port: router.restPort,
      username: router.username,
      password: o?.password ?? router.password,
      ...(o?.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
      tls: { fingerprint256: o?.fingerprint256 ?? router.fingerprint256 },
    }),
  connections: (router) => router.rest.connections,
  setLatency: (router, ms) => void (router.rest.latencyMs = ms),
  dropDuringNextCommand: (router) => {
    router.rest.latencyMs = 300;
    setTimeout(() => {
      router.rest.dropConnections();
      router.rest.latencyMs = 0;
    }, 100);
  },
  trapCategories: false,
  refusedLogin: /login as communes refused: Unauthorized/,
});

describe("TLS without a pin", () => {
  it("is never attempted", async () => {
    const api = new RouterOsApiClient({ host: "127.0.0.1", port: 1, username: "u", password: "p", tls: {} });
    await expect(api.print("/ip/service")).rejects.toThrow(/needs a pinned certificate fingerprint or CA; refusing an unverified connection/);
    const rest = new RouterOsRestClient({ host: "127.0.0.1", port: 1, username: "u", password: "p", tls: {} });
    await expect(rest.print("/ip/service")).rejects.toThrow(/refusing an unverified connection/);
  });
});
