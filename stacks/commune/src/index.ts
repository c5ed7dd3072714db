/**
 * One commune office: validates the inventory (a bad one stops here with
 * file:line:col errors, before any resource is registered), derives the
 * and builds the commune's CommuneNetwork (@communes/network): the router
 * (a change that would lock the NOC out is refused), then the switches, then
 * the meeting-room endpoints.
 *
 * Stack configuration (names: STACK_SETTING of @communes/network):
 *   inventory              the commune's inventory file (required)
 *   <passwordSecret>       the router password, as named in the inventory (secret)
 *   routerHost, routerPort, routerTransport, routerTlsFingerprint,
 *   routerSshPort, routerSshHostKeyFingerprint
 *                          override how the router is reached (the lab uses them)
 *   switchEndpoints        per switch host name: { host, port, hostKeyFingerprint } overrides
 *   <switch secrets>       the switches' password and enable secret, as named in the inventory
 *   endpointEndpoints      per endpoint system name: { host, port, tlsFingerprint } overrides
 *   <endpoint secrets>     the endpoints' password and SIP password, as named in the inventory
 *   endpointRegistrationCheck, endpointRegistrationTimeoutMs
 *                          "error" (default) or "warning" when an endpoint does not register
 *   operatorAddress        the address this stack reaches the router from, as the router sees it:
 *                          a change under which it would lose the router's API or SSH is refused
 *   adopt                  true for the first operation of an office configured by hand:
 *                          its devices are imported into the stack, not written (communes adopt)
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { discover, formatDiagnostic, loadInventory, requestedDiagnostics } from "@communes/inventory";
import { CommuneNetwork, STACK_SETTING } from "@communes/network";

const config = new pulumi.Config();
// Relative to the project directory (this program runs from dist/), as Pulumi.yaml says.
const inventoryFile = path.resolve(__dirname, "..", config.require(STACK_SETTING.inventory));

const { targets, errors } = discover([inventoryFile]);
if (errors.length > 0) throw new pulumi.RunError(`inventory: ${errors.join("; ")}`);
const inventory = loadInventory(targets[0]!);
const problems = requestedDiagnostics(targets[0]!, inventory);
if (problems.length > 0) {
  throw new pulumi.RunError(`the inventory has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was changed:\n${problems.map(formatDiagnostic).join("\n")}`);
}
const commune = inventory.communes.find((c) => targets[0]!.requested.has(c.file))!;
const plan = inventory.plans.find((p) => p.file === commune.file)!;

const network = new CommuneNetwork(`${commune.kind} ${commune.name}`, {
  province: inventory.province!,
  commune,
  plan,
  secret: (name) => config.requireSecret(name),
  reach: {
    router: {
      host: config.get(STACK_SETTING.routerHost),
      port: config.getNumber(STACK_SETTING.routerPort),
      transport: config.get(STACK_SETTING.routerTransport) as "api" | "api-ssl" | "rest" | undefined,
      tlsFingerprint: config.get(STACK_SETTING.routerTlsFingerprint),
      sshPort: config.getNumber(STACK_SETTING.routerSshPort),
      sshHostKeyFingerprint: config.get(STACK_SETTING.routerSshHostKeyFingerprint),
    },
    switches: config.getObject(STACK_SETTING.switchEndpoints),
    endpoints: config.getObject(STACK_SETTING.endpointEndpoints),
  },
  endpointRegistration: {
    check: config.get(STACK_SETTING.endpointRegistrationCheck) as "error" | "warning" | undefined,
    timeoutMs: config.getNumber(STACK_SETTING.endpointRegistrationTimeoutMs),
  },
  adopt: config.getBoolean(STACK_SETTING.adopt) ?? false,
  operator: config.get(STACK_SETTING.operatorAddress),
  // Each device's provider checks this file before a refresh or a destroy reaches the device.
  inventoryFile: config.require(STACK_SETTING.inventory),
});

export const communeName = `${commune.kind} ${commune.name}`;
export const router = { hostname: network.routerHostname, managementAddress: network.managementAddress };
