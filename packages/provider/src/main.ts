/**
 * Entry point of the `pulumi-resource-communes` plugin. The engine starts it
 * with the engine's address as first argument and reads the port it listens
 * on from the first line of stdout.
 */
import { checkInventory } from "./inventory-guard";
import { ProviderServer } from "./server";
import { resourceTypes } from "./registry";
import { PROVIDER_CONFIG } from "./shapes/provider-config-shapes";
import { version } from "./version";
import { PACKAGE } from "./contract";
import { exitWhenOrphaned } from "./orphan-exit";

async function main(): Promise<void> {
  const server = new ProviderServer({ name: PACKAGE, version, types: resourceTypes, config: PROVIDER_CONFIG, guard: checkInventory });
  exitWhenOrphaned();
  const { port } = await server.listen();
  process.stdout.write(`${port}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`pulumi-resource-communes failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
