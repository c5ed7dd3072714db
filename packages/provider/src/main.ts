/**
 * Entry point of the `pulumi-resource-communes` plugin. The engine starts it
 * with the engine's address as first argument and reads the port it listens
 * on from the first line of stdout.
 */
import { checkInventory } from "./inventory-guard";
import { ProviderServer } from "./server";
import { resourceTypes } from "./registry";
import { version } from "./version";

async function main(): Promise<void> {
  const server = new ProviderServer({ name: "communes", version, types: resourceTypes, guard: checkInventory });
  const { port } = await server.listen();
  process.stdout.write(`${port}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`pulumi-resource-communes failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
