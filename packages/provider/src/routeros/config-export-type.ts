/**
 * `communes:routeros:ConfigExport`: the router's whole configuration, as
 * `/export` prints it over SSH (host key pinned, passwords hidden), and a
 * reading of the menus `/export` never lists (users, groups, SSH keys,
 * scheduler, scripts, services: AUDITED_MENUS) through the management API,
 * taken when the router's intended configuration changes and before its
 * menus are touched (the menus depend on it). Each stays in the stack's
 * state and history: the audit trail of what the router held before each
 * change. Reading it back never asks the device: it is a record, not a setting.
 */
import { createHash } from "node:crypto";
import { DeviceError } from "@communes/device-error";
import { exportConfiguration, readAuditedMenus, type AuditReading } from "@communes/routeros";
import { checkShape, OperationError, type OperationContext, type ResourceType } from "../resource-type";
import { CONFIG_EXPORT_SHAPES } from "../shapes/config-export-shapes";
import { routerConnection, transportFor } from "./connections";
import { TOKENS } from "../contract";

export const CONFIG_EXPORT_TOKEN = TOKENS.configExport;

export interface ConfigExportInputs {
  /** The router's name, for messages. */
  router: string;
  /** Changes whenever the router's intended configuration does (a hash of it): a new export is taken then. */
  trigger: string;
}

export interface ConfigExportState extends ConfigExportInputs {
  /** What `/export` printed. */
  script: string;
  /** SHA-256 of the script, hex. */
  sha256: string;
  /** When it was taken, ISO 8601. */
  exportedAt: string;
  /** The menus `/export` never lists, as the API printed them. */
  audited: AuditReading;
}

async function takeExport(inputs: ConfigExportInputs, ctx: OperationContext): Promise<ConfigExportState> {
  const c = routerConnection(ctx.config);
  if (!c.sshHostKeyFingerprint) {
    throw new OperationError(`${inputs.router}: routeros.sshHostKeyFingerprint is needed to export the configuration over SSH (the host key is pinned, never trusted blindly)`);
  }
  let audited: AuditReading;
  try {
    audited = await readAuditedMenus(transportFor(c));
  } catch (err) {
    if (err instanceof DeviceError) throw new OperationError(`${inputs.router}: could not read its users, scheduler and services for the audit trail: ${err.message}; nothing on the router was changed`);
    throw err;
  }
  try {
    const exported = await exportConfiguration({ device: inputs.router, host: c.host, ...(c.sshPort ? { port: c.sshPort } : {}), username: c.username, password: c.password, hostKeyFingerprint: c.sshHostKeyFingerprint });
    // RouterOS hides its passwords; the router's own, typed into a comment by hand, is hidden here.
    const script = c.password ? exported.split(c.password).join("[secret]") : exported;
    return { ...inputs, script, sha256: createHash("sha256").update(script, "utf8").digest("hex"), exportedAt: new Date().toISOString(), audited };
  } catch (err) {
    if (err instanceof DeviceError) throw new OperationError(`${err.message}; nothing on the router was changed`);
    throw err;
  }
}

export const configExportType: ResourceType<ConfigExportInputs, ConfigExportState> = {
  token: CONFIG_EXPORT_TOKEN,
  shapes: CONFIG_EXPORT_SHAPES,
  replaceOnChanges: [],

  check: (news) => checkShape(CONFIG_EXPORT_SHAPES.inputs, news),

  async create(inputs, ctx) {
    return { id: inputs.router, state: await takeExport(inputs, ctx) };
  },

  async read(_id, state) {
    const { router, trigger } = state as ConfigExportState;
    return { state: state as ConfigExportState, inputs: { router, trigger } };
  },

  async update(_id, _olds, news, ctx) {
    return takeExport(news, ctx);
  },

  async delete() {
    // The export is a record; the router keeps its configuration.
  },
};
