/**
 * One commune office as a Pulumi component: its router (the menus of the
 * router's intent), then its switches (once the router carries the zones on
 * its trunk), then its meeting-room endpoints (once their zone exists on the
 * router and the switches). Takes a validated inventory; secrets come from
 * the caller by the names the inventory gives them.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { formatAddress, parseAddress, type CommuneModel, type CommunePlan, type ProvinceModel } from "@communes/inventory";
import { endpointIntents, routerIntent, SECRET_PREFIX, switchIntents } from "@communes/intent";
import { managementPathProblems } from "@communes/verify";
import { STACK_SETTING, type EndpointReach, type RouterReach, type SwitchReach } from "./stack-settings";
import { CommuneRouter, ConfigExport, endpointProviderName, TOKENS, Endpoint, endpointImportId, IosSwitch, Provider, switchImportId, tableImportId } from "@communes/provider";

export interface CommuneNetworkArgs {
  province: ProvinceModel;
  commune: CommuneModel;
  plan: CommunePlan;
  /** A secret by the name the inventory gives it (a password, the PPPoE password…). */
  secret(name: string): pulumi.Output<string>;
  reach?: {
    router?: RouterReach;
    /** By switch hostname. */
    switches?: Record<string, SwitchReach>;
    /** By endpoint system name. */
    endpoints?: Record<string, EndpointReach>;
  };
  /** After an endpoint is configured: fail (default) or warn when it does not register. */
  endpointRegistration?: { check?: "error" | "warning"; timeoutMs?: number };
  /**
   * Adopting an office configured by hand: every router menu, switch and
   * endpoint is imported (read into the stack, never written) rather than
   * created. Set for the first operation only (`communes adopt`).
   */
  adopt?: boolean;
  /**
   * The address this stack reaches the router from, as the router sees it
   * (the NOC workstation's). The lock-out guard then also refuses a change
   * under which that address would lose the router's API or SSH. Default:
   * unknown (the guard checks the policy's managers only).
   */
  operator?: string;
  /**
   * The file the commune was read from, relative to the Pulumi project's
   * directory (the stack's `inventory` setting). Each device's provider
   * checks it before reading or removing anything when no program runs
   * first (`pulumi refresh`, `preview --refresh`, `destroy`).
   */
  inventoryFile?: string;
}

/** A digest of the router's intended menus (secrets as their names, never values). */
function intentDigest(tables: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify(tables)).digest("hex");
}

export class CommuneNetwork extends pulumi.ComponentResource {
  readonly router: CommuneRouter;
  /** The router's configuration as it was before the last change of its intent (when its SSH host key is known). */
  readonly configExport: ConfigExport | undefined;
  readonly switches: IosSwitch[] = [];
  readonly endpoints: Endpoint[] = [];
  readonly routerHostname: string;
  readonly managementAddress: string;

  constructor(name: string, args: CommuneNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TOKENS.communeNetwork, name, {}, opts);
    const { province, commune, plan, secret } = args;
    // Every device's provider checks the inventory before a refresh or a destroy touches the device.
    const inventory = args.inventoryFile === undefined ? {} : { inventory: args.inventoryFile };
    const withSecrets = (values: Record<string, string>) =>
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.startsWith(SECRET_PREFIX) ? secret(v.slice(SECRET_PREFIX.length)) : v]));

    const routerReach = args.reach?.router ?? {};
    const intent = routerIntent(province, commune, plan, routerReach.transport);
    const operator = args.operator === undefined ? undefined : parseAddress(args.operator);
    if (operator && !operator.ok) throw new pulumi.RunError(`operatorAddress ${args.operator}: ${operator.reason}`);
    const lockout = [
      ...intent.lockout,
      ...managementPathProblems(province, commune, plan, { ...(routerReach.transport ? { transport: routerReach.transport } : {}), ...(operator?.ok ? { operator: operator.value } : {}) }),
    ];
    if (lockout.length > 0) {
      throw new pulumi.RunError(`refused: this change would cut the NOC's management path to ${intent.hostname}:\n${lockout.map((l) => `  - ${l}`).join("\n")}`);
    }
    const routerSettings = commune.settings.router;
    const management = plan.devices.find((d) => d.role === "router")!;
    const routerTlsFingerprint = routerReach.tlsFingerprint ?? commune.router.tlsFingerprint;
    const routerHostKey = routerReach.sshHostKeyFingerprint ?? commune.router.hostKey;
    const routerProvider = new Provider(intent.hostname, {
      routeros: {
        host: routerReach.host ?? formatAddress(management.address),
        port: routerReach.port ?? routerSettings.api.port,
        transport: routerReach.transport ?? routerSettings.api.transport,
        username: routerSettings.credentials.username,
        password: secret(routerSettings.credentials.passwordSecret),
        ...(routerTlsFingerprint ? { tlsFingerprint: routerTlsFingerprint } : {}),
        ...(routerHostKey ? { sshHostKeyFingerprint: routerHostKey, ...(routerReach.sshPort ? { sshPort: routerReach.sshPort } : {}) } : {}),
      },
      ...inventory,
    }, { parent: this });
    // With the router's SSH host key known, its configuration is exported
    // before its menus change (the audit trail): whenever the intent does.
    this.configExport = routerHostKey
      ? new ConfigExport(`${intent.hostname} before change`, { router: intent.hostname, trigger: intentDigest(intent.tables) }, { provider: routerProvider, parent: this })
      : undefined;
    const adopt = args.adopt ?? false;
    const tables = intent.tables.map((t) => ({ ...t, entries: t.entries.map(withSecrets), ...(adopt ? { import: tableImportId(t.path, t.entries) } : {}) }));
    this.router = new CommuneRouter(intent.hostname, { tables }, { provider: routerProvider, parent: this, ...(this.configExport ? { dependsOn: this.configExport } : {}) });
    this.routerHostname = intent.hostname;
    this.managementAddress = formatAddress(management.address);

    const switchSettings = commune.settings.switch;
    for (const sw of switchIntents(commune, plan)) {
      const reach = args.reach?.switches?.[sw.hostname] ?? {};
      const provider = new Provider(sw.hostname, {
        ios: {
          host: reach.host ?? sw.address,
          ...(reach.port ? { port: reach.port } : {}),
          username: switchSettings.credentials.username,
          password: secret(switchSettings.credentials.passwordSecret),
          ...(switchSettings.enableSecret ? { enableSecret: secret(switchSettings.enableSecret) } : {}),
          hostKeyFingerprint: reach.hostKeyFingerprint ?? sw.hostKeyFingerprint,
        },
        ...inventory,
    }, { parent: this });
      this.switches.push(new IosSwitch(sw.hostname, sw.state, { provider, parent: this, dependsOn: this.router, ...(adopt ? { import: switchImportId(sw.state) } : {}) }));
    }

    const endpointSettings = commune.settings.endpoint;
    const registration = args.endpointRegistration ?? {};
    for (const ep of endpointIntents(province, commune, plan)) {
      const reach = args.reach?.endpoints?.[ep.systemName] ?? {};
      const host = reach.host ?? ep.address;
      const tlsFingerprint = reach.tlsFingerprint ?? ep.tlsFingerprint;
      if (!host || !tlsFingerprint) {
        // The stack says how to reach endpoints by their system names: a renamed endpoint is not found under its old one.
        const known = Object.keys(args.reach?.endpoints ?? {}).filter((name) => name !== ep.systemName);
        const renamed = known.length > 0 ? `; ${STACK_SETTING.endpointEndpoints} has no entry under this name (it has ${known.map((n) => JSON.stringify(n)).join(", ")}: renamed?)` : "";
        throw new pulumi.RunError(`endpoint "${ep.systemName}": ${!host ? `it takes its address by DHCP, so say how to reach it (${STACK_SETTING.endpointEndpoints})` : "no tlsFingerprint in the inventory to pin its certificate"}${renamed}`);
      }
      const provider = new Provider(endpointProviderName(ep.systemName), {
        endpoint: {
          vendor: ep.vendor,
          host,
          ...(reach.port ? { port: reach.port } : {}),
          username: endpointSettings.credentials.username,
          password: secret(endpointSettings.credentials.passwordSecret),
          tlsFingerprint,
          ...(registration.check ? { registrationCheck: registration.check } : {}),
          ...(registration.timeoutMs ? { registrationTimeoutMs: registration.timeoutMs } : {}),
        },
        ...inventory,
    }, { parent: this });
      const settings = withSecrets(ep.settings as Record<string, string>);
      this.endpoints.push(new Endpoint(ep.systemName, { systemName: ep.systemName, settings }, { provider, parent: this, dependsOn: [this.router, ...this.switches], ...(adopt ? { import: endpointImportId(ep.systemName, ep.settings) } : {}) }));
    }
    this.registerOutputs({ router: this.routerHostname, managementAddress: this.managementAddress });
  }
}
