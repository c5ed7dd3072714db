/**
 * One commune office: validates the inventory (a bad one stops here with
 * file:line:col errors, before any resource is registered), derives the
 * router's intent, refuses a change that would lock the NOC out, and
 * configures the router, then the switches, then the meeting-room endpoints.
 *
 * Stack configuration:
 *   inventory              the commune's inventory file (required)
 *   <passwordSecret>       the router password, as named in the inventory (secret)
 *   routerHost, routerPort, routerTransport, routerTlsFingerprint
 *                          override how the router is reached (the lab uses them)
 *   switchEndpoints        per switch host name: { host, port, hostKeyFingerprint } overrides
 *   <switch secrets>       the switches' password and enable secret, as named in the inventory
 *   endpointEndpoints      per endpoint system name: { host, port, tlsFingerprint } overrides
 *   <endpoint secrets>     the endpoints' password and SIP password, as named in the inventory
 *   endpointRegistrationCheck, endpointRegistrationTimeoutMs
 *                          "error" (default) or "warning" when an endpoint does not register
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { discover, formatAddress, formatDiagnostic, loadInventory } from "@communes/inventory";
import { endpointIntents, routerIntent, SECRET_PREFIX, switchIntents } from "@communes/intent";
import { CommuneRouter, Endpoint, IosSwitch, Provider } from "@communes/provider";

const config = new pulumi.Config();
// Relative to the project directory (this program runs from dist/), as Pulumi.yaml says.
const inventoryFile = path.resolve(__dirname, "..", config.require("inventory"));

const { targets, errors } = discover([inventoryFile]);
if (errors.length > 0) throw new pulumi.RunError(`inventory: ${errors.join("; ")}`);
const inventory = loadInventory(targets[0]!);
const problems = inventory.diagnostics.filter((d) => targets[0]!.requested.has(d.file) || d.file === targets[0]!.provinceFile);
if (problems.length > 0) {
  throw new pulumi.RunError(`the inventory has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was changed:\n${problems.map(formatDiagnostic).join("\n")}`);
}
const commune = inventory.communes.find((c) => targets[0]!.requested.has(c.file))!;
const plan = inventory.plans.find((p) => p.file === commune.file)!;
const intent = routerIntent(inventory.province!, commune, plan);
if (intent.lockout.length > 0) {
  throw new pulumi.RunError(`refused: this change would cut the NOC's management path to ${intent.hostname}:\n${intent.lockout.map((l) => `  - ${l}`).join("\n")}`);
}

const settings = commune.settings.router;
const transport = (config.get("routerTransport") ?? settings.api.transport) as "api" | "api-ssl" | "rest";
const management = plan.devices.find((d) => d.role === "router")!;
const tlsFingerprint = config.get("routerTlsFingerprint") ?? commune.router.tlsFingerprint;
const provider = new Provider(intent.hostname, {
  routeros: {
    host: config.get("routerHost") ?? formatAddress(management.address),
    port: config.getNumber("routerPort") ?? settings.api.port,
    transport,
    username: settings.credentials.username,
    password: config.requireSecret(settings.credentials.passwordSecret),
    ...(tlsFingerprint ? { tlsFingerprint } : {}),
  },
});

// Secrets named by the intent (the PPPoE password) come from the stack's encrypted config.
const tables = intent.tables.map((t) => ({
  ...t,
  entries: t.entries.map((e) =>
    Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.startsWith(SECRET_PREFIX) ? config.requireSecret(v.slice(SECRET_PREFIX.length)) : v])),
  ),
}));
const communeRouter = new CommuneRouter(intent.hostname, { tables }, { provider });

// Switches, once the router carries the zones on its trunk.
const endpoints = config.getObject<Record<string, { host?: string; port?: number; hostKeyFingerprint?: string }>>("switchEndpoints") ?? {};
const switchSettings = commune.settings.switch;
const switches: IosSwitch[] = [];
for (const sw of switchIntents(commune, plan)) {
  const endpoint = endpoints[sw.hostname] ?? {};
  const switchProvider = new Provider(sw.hostname, {
    ios: {
      host: endpoint.host ?? sw.address,
      ...(endpoint.port ? { port: endpoint.port } : {}),
      username: switchSettings.credentials.username,
      password: config.requireSecret(switchSettings.credentials.passwordSecret),
      ...(switchSettings.enableSecret ? { enableSecret: config.requireSecret(switchSettings.enableSecret) } : {}),
      hostKeyFingerprint: endpoint.hostKeyFingerprint ?? sw.hostKeyFingerprint,
    },
  });
  switches.push(new IosSwitch(sw.hostname, sw.state, { provider: switchProvider, dependsOn: communeRouter }));
}

// Meeting-room endpoints, once their zone exists on the router and the switches.
const endpointOverrides = config.getObject<Record<string, { host?: string; port?: number; tlsFingerprint?: string }>>("endpointEndpoints") ?? {};
const endpointSettings = commune.settings.endpoint;
for (const ep of endpointIntents(inventory.province!, commune, plan)) {
  const endpoint = endpointOverrides[ep.systemName] ?? {};
  const host = endpoint.host ?? ep.address;
  const tlsFingerprint = endpoint.tlsFingerprint ?? ep.tlsFingerprint;
  if (!host || !tlsFingerprint) {
    throw new pulumi.RunError(`endpoint "${ep.systemName}": ${!host ? "it takes its address by DHCP, so set endpointEndpoints to say how to reach it" : "no tlsFingerprint in the inventory to pin its certificate"}`);
  }
  const endpointProvider = new Provider(`endpoint ${ep.systemName}`, {
    endpoint: {
      vendor: ep.vendor,
      host,
      ...(endpoint.port ? { port: endpoint.port } : {}),
      username: endpointSettings.credentials.username,
      password: config.requireSecret(endpointSettings.credentials.passwordSecret),
      tlsFingerprint,
      ...(config.get("endpointRegistrationCheck") ? { registrationCheck: config.get("endpointRegistrationCheck") as "error" | "warning" } : {}),
      ...(config.getNumber("endpointRegistrationTimeoutMs") ? { registrationTimeoutMs: config.getNumber("endpointRegistrationTimeoutMs")! } : {}),
    },
  });
  const settings = Object.fromEntries(Object.entries(ep.settings).map(([k, v]) => [k, v!.startsWith(SECRET_PREFIX) ? config.requireSecret(v!.slice(SECRET_PREFIX.length)) : v!]));
  new Endpoint(ep.systemName, { systemName: ep.systemName, settings }, { provider: endpointProvider, dependsOn: [communeRouter, ...switches] });
}

export const communeName = `${commune.kind} ${commune.name}`;
export const router = { hostname: intent.hostname, managementAddress: formatAddress(management.address) };
