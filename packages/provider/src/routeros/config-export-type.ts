/**
 * `communes:routeros:ConfigExport`: the router's whole configuration, as
 * `/export` prints it over SSH (host key pinned, passwords hidden), and a
 * reading of the menus `/export` never lists (users, groups, SSH keys,
 * scheduler, scripts, services: AUDITED_MENUS) through the management API,
 * taken when the router's intended configuration changes and before its
 * menus are touched (the menus depend on it). Each stays in the stack's
 * state and history: the audit trail of what the router held before each
 * change. Reading it back never asks the device (it is a record, not a
 * setting), except in a drift audit's refresh (COMPARE_EXPORT_ENV): the
 * router as it is now is then compared with the record, and what differs is
 * the output `comparison` (export-comparison.ts); the record is kept as is.
 */
import { createHash } from "node:crypto";
import { DeviceError } from "@communes/device-error";
import { readAuditedMenus, type AuditReading } from "@communes/routeros";
import { checkShape, OperationError, type OperationContext, type ResourceType } from "../resource-type";
import { CONFIG_EXPORT_SHAPES } from "../shapes/config-export-shapes";
import { routerConnection, transportFor } from "./connections";
import { compareWithRouter, liveExport, requireSshTarget } from "./compare-with-router";
import { COMPARE_EXPORT_ENV, type ExportComparison } from "./export-comparison";
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
  /** Only in a drift audit's refresh: the router now against this record. */
  comparison?: ExportComparison;
}

async function takeExport(inputs: ConfigExportInputs, ctx: OperationContext): Promise<ConfigExportState> {
  const c = routerConnection(ctx.config);
  requireSshTarget(inputs.router, c);
  let audited: AuditReading;
  try {
    audited = await readAuditedMenus(transportFor(c));
  } catch (err) {
    if (err instanceof DeviceError) throw new OperationError(`${inputs.router}: could not read its users, scheduler and services for the audit trail: ${err.message}; nothing on the router was changed`);
    throw err;
  }
  try {
    const script = await liveExport(inputs.router, c);
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

  async read(_id, state, ctx) {
    // A comparison is of the moment it was taken: never kept from an earlier refresh.
    const { comparison: _earlier, ...record } = state as ConfigExportState;
    const inputs = { router: record.router, trigger: record.trigger };
    if (process.env[COMPARE_EXPORT_ENV] !== "1") return { state: record, inputs };
    // Also an input, so that the refresh shows it as a change (the engine shows a refreshed state only then).
    const comparison = await compareWithRouter(record, routerConnection(ctx.config));
    return { state: { ...record, comparison }, inputs: { ...inputs, comparison } as ConfigExportInputs };
  },

  async update(_id, olds, news, ctx) {
    // Only a comparison recorded by a refresh went away: the record stays, no new export.
    const { comparison: _earlier, ...record } = olds;
    return news.trigger === olds.trigger ? { ...record, ...news } : takeExport(news, ctx);
  },

  async delete() {
    // The export is a record; the router keeps its configuration.
  },
};
