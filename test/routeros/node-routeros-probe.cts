/**
 * Runs one scenario of node-routeros against the lab router, in its own
 * process so that the library's uncaught exceptions cannot take the test
 * runner down. Prints one JSON line: what the library did.
 * Usage: node node-routeros-probe.cts <scenario> <port> <user> <password>
 */
const nodeRouteros = require("node-routeros") as typeof import("node-routeros");

const [scenario, port, user, password] = process.argv.slice(2);

function report(result: Record<string, unknown>): never {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

const waitMs = Number(process.env.PROBE_WAIT_MS ?? 3000);
setTimeout(() => report({ outcome: `no answer within ${waitMs / 1000} s` }), waitMs);
const api = new nodeRouteros.RouterOSAPI({
  host: "127.0.0.1",
  port: Number(port),
  user: user!,
  password: password!,
  timeout: scenario === "idle" ? 1 : 10,
  keepalive: false,
});

async function run(): Promise<void> {
  await api.connect();
  switch (scenario) {
    case "login":
      return report({ outcome: "logged in" });
    case "services":
      return report({ outcome: "resolved", count: ((await api.write("/ip/service/print")) as unknown[]).length });
    case "empty":
      return report({ outcome: "resolved", value: await api.write("/ip/route/print") });
    case "utf8": {
      await api.write("/system/identity/set", ["=name=Thiệu Trung"]);
      const rows = (await api.write("/system/identity/print")) as Array<{ name: string }>;
      return report({ outcome: "resolved", name: rows[0]?.name });
    }
    case "trap":
      try {
        await api.write("/ip/address/add", ["=address=10.0.0.1/24", "=interface=nope"]);
        return report({ outcome: "resolved" });
      } catch (err) {
        const e = err as Error & Record<string, unknown>;
        return report({ outcome: "rejected", message: e.message, category: e.category ?? null, errno: e.errno ?? null });
      }
    case "idle":
      // Stay connected and idle past the library's socket timeout.
      return;
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

run().catch((err: unknown) => report({ outcome: "rejected", message: (err as Error).message }));
