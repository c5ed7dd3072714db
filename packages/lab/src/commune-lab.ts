/**
 * The lab for one commune, read from its inventory: an emulated router, one
 * emulated switch per switch of the inventory and one emulated endpoint per
 * meeting-room endpoint (with a lab MCU that accepts the commune's SIP
 * users), all on loopback; and the stack configuration that points the
 * commune's stack at them (lab passwords as secrets).
 */
import { discover, formatAddress, loadInventory, formatDiagnostic, parsePrefix, type CommuneModel, type CommunePlan, type ProvinceModel } from "@communes/inventory";
import { managementSources, secretNames } from "@communes/intent";
import { reachSettings, STACK_SETTING, type StackConfig } from "@communes/network/stack-settings";
import { labPorts, plannedLabAddresses } from "./lab-addresses";
import { startLabEndpoint, type LabEndpoint } from "./endpoint/lab-endpoints";
import { startLabSwitch, type LabSwitch } from "./ios/lab-switch";
import { startLabRouter, type LabRouter } from "./routeros/lab-router";

/** The SIP password the lab MCU expects from the commune's endpoints. */
export const LAB_SIP_PASSWORD = "lab-sip-password";
const LAB_ENABLE_SECRET = "lab-enable-secret";


export interface CommuneLab {
  router: LabRouter;
  switches: Record<string, LabSwitch>;
  endpoints: Record<string, LabEndpoint>;
  /** The commune's stack configuration against this lab, for `inventory` (default: the file the lab was made from). */
  config(inventory?: string): StackConfig;
  close(): Promise<void>;
}

export interface CommuneLabOptions {
  /** Serve the router's API over TLS (api-ssl) rather than plain api. */
  routerTls?: boolean;
  /**
   * "ephemeral" (default): every device on 127.0.0.1, ports chosen by the
   * system. "planned": every device at the loopback image of its planned
   * address with fixed ports (lab-addresses.ts), stable across restarts.
   */
  addresses?: "ephemeral" | "planned";
  /** With planned addresses: added to every fixed port (default 0). */
  portOffset?: number;
  /** Where the lab router's clients come from (address, and the interface they arrive on). Default: the NOC's first address, on the dedicated line. */
  routerClient?: { address: string; interface: string };
}

/**
 * Where the lab router's clients come from by default: the first address of
 * the first IPv4 network of the policy's management source (the NOC), on the
 * dedicated line, as the province's tools reach a commune router.
 */
function nocClient(province: ProvinceModel, commune: CommuneModel): { address: string; interface: string } | undefined {
  const source = province.destinations.find((d) => managementSources(province).includes(d.name));
  const network = source?.prefixes.map((p) => parsePrefix(p)).find((p) => p.ok && p.value.family === 4);
  if (!network?.ok) return undefined;
  return { address: formatAddress({ family: 4, value: network.value.network + 1n }), interface: commune.uplinks.dedicated.interface };
}

/** The lab for the commune of `communeFile`, after checking its inventory. */
export async function startCommuneLab(communeFile: string, options: CommuneLabOptions = {}): Promise<CommuneLab> {
  const { targets, errors } = discover([communeFile]);
  if (errors.length > 0) throw new Error(errors.join("; "));
  const inventory = loadInventory(targets[0]!);
  const problems = inventory.diagnostics.filter((d) => d.file === communeFile || d.file === targets[0]!.provinceFile);
  if (problems.length > 0) throw new Error(`the inventory has problems:\n${problems.map(formatDiagnostic).join("\n")}`);
  const commune = inventory.communes.find((c) => targets[0]!.requested.has(c.file))!;
  const plan = inventory.plans.find((p) => p.file === commune.file)!;
  return startLabFor(inventory.province!, commune, plan, options);
}

/** The lab for one commune of a loaded, valid inventory. */
export async function startLabFor(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, options: CommuneLabOptions = {}): Promise<CommuneLab> {
  const communeFile = commune.file;
  const mcu = province.mcu;
  const sipUsers = Object.fromEntries(commune.endpoints.filter((e) => e.sip && mcu.sip).map((e) => [e.sip!.user, LAB_SIP_PASSWORD]));
  const planned = options.addresses === "planned" ? plannedLabAddresses(plan) : undefined;
  const ports = labPorts(options.portOffset);

  const started: Array<{ close(): Promise<void> }> = [];
  const closeAll = async () => {
    for (const device of started.reverse()) await device.close();
  };
  try {
    const router = await startLabRouter({
      tls: options.routerTls ?? false,
      username: commune.settings.router.credentials.username,
      ...(planned ? { listen: { host: planned.router, apiPort: options.routerTls ? ports.apiSsl : ports.api, restPort: ports.https, sshPort: ports.ssh } } : {}),
    });
    router.device.client = options.routerClient ?? nocClient(province, commune) ?? {};
    started.push(router);
    const switches: Record<string, LabSwitch> = {};
    for (const sw of commune.switches) {
      switches[sw.hostname] = await startLabSwitch(
        { username: commune.settings.switch.credentials.username, ...(commune.settings.switch.enableSecret ? { enableSecret: LAB_ENABLE_SECRET } : {}) },
        planned ? { host: planned.switches[sw.hostname]!, port: ports.ssh } : {},
      );
      started.push(switches[sw.hostname]!);
    }
    const endpoints: Record<string, LabEndpoint> = {};
    for (const ep of commune.endpoints) {
      endpoints[ep.systemName] = await startLabEndpoint(
        ep.vendor,
        { registrar: mcu.sip?.registrar ?? "", gatekeeper: mcu.h323?.gatekeeper ?? "", sipUsers },
        { username: commune.settings.endpoint.credentials.username, password: "lab-password" },
        planned ? { host: planned.endpoints[ep.systemName]!, port: ports.https } : {},
      );
      started.push(endpoints[ep.systemName]!);
    }
    return { router, switches, endpoints, config: (file = communeFile) => labStackConfig(secretNames(province, commune, plan), commune, file, { router, switches, endpoints }, options), close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

/**
 * The commune's stack configuration against these lab devices: the lab's
 * passwords as secrets, and a lab value for every other secret the commune
 * needs (a PPPoE password: the lab router takes any).
 */
function labStackConfig(secretNames: string[], commune: CommuneModel, inventory: string, lab: Pick<CommuneLab, "router" | "switches" | "endpoints">, options: CommuneLabOptions): StackConfig {
  const { router, switches, endpoints } = lab;
  const secrets = commune.settings;
  const anySwitch = Object.values(switches)[0];
  const anyEndpoint = Object.values(endpoints)[0];
  return {
    ...Object.fromEntries(secretNames.map((name) => [name, { value: `lab-${name}`, secret: true }])),
    [STACK_SETTING.inventory]: { value: inventory },
    ...reachSettings({
      router: {
        host: router.host,
        port: router.port,
        sshPort: router.sshPort,
        sshHostKeyFingerprint: router.sshHostKeyFingerprint,
        ...(options.routerTls ? { transport: "api-ssl", tlsFingerprint: router.fingerprint256 } : { transport: "api" }),
      },
      switches: Object.fromEntries(Object.entries(switches).map(([n, s]) => [n, { host: s.host, port: s.port, hostKeyFingerprint: s.hostKeyFingerprint }])),
      endpoints: Object.fromEntries(Object.entries(endpoints).map(([n, e]) => [n, { host: e.host, port: e.port, tlsFingerprint: e.fingerprint256 }])),
    }),
    ...(router.device.client.address ? { [STACK_SETTING.operatorAddress]: { value: router.device.client.address } } : {}),
    [secrets.router.credentials.passwordSecret]: { value: router.password, secret: true },
    ...(anySwitch ? { [secrets.switch.credentials.passwordSecret]: { value: anySwitch.password, secret: true } } : {}),
    ...(secrets.switch.enableSecret ? { [secrets.switch.enableSecret]: { value: LAB_ENABLE_SECRET, secret: true } } : {}),
    ...(anyEndpoint ? { [secrets.endpoint.credentials.passwordSecret]: { value: anyEndpoint.password, secret: true } } : {}),
    ...(secrets.endpoint.sipPasswordSecret ? { [secrets.endpoint.sipPasswordSecret]: { value: LAB_SIP_PASSWORD, secret: true } } : {}),
    [STACK_SETTING.endpointRegistrationTimeoutMs]: { value: "3000" },
  };
}
