/**
 * `communes:routeros:Table`: one RouterOS menu of one router, owned as a
 * whole. Inputs are the entries the inventory wants, in canonical form and
 * keyed by what identifies them, so a preview reads `entries["vlan-staff
 * 10.40.7.1/24"].comment` rather than a list index. Reading the menu (one
 * print) shows entries added, changed or removed on the device as drift.
 */
import {
  applyChanges,
  canonicalEntry,
  keepWriteOnly,
  entryKey,
  menuTable,
  MENU_TABLES,
  planChanges,
  readTable,
  RouterOsTrapError,
  type Change,
  type MenuTable,
  type TableState,
} from "@communes/routeros";
import { DeviceError } from "@communes/device-error";
import { checkShape, OperationError, PartialFailure, type CheckFailure, type OperationContext, type ResourceType } from "../resource-type";
import { TABLE_SHAPES } from "../shapes/table-shapes";
import { routerConnection, transportFor } from "./connections";
import { TOKENS } from "../contract";

export const TABLE_TOKEN = TOKENS.table;

export type TableInputs = TableState;

function tableOf(path: string): MenuTable {
  return menuTable(path);
}

/** Turns the router's errors into messages for the engineer; keeps partial progress. */
function deviceError(err: unknown, where: string, applied: number, total: number, state: TableState): Error {
  if (!(err instanceof DeviceError)) return err instanceof Error ? err : new Error(String(err));
  if (err instanceof RouterOsTrapError) return new OperationError(`${where}: the router refused ${err.message}`);
  if (!err.retryable) return new OperationError(`${where}: ${err.message}`);
  const progress = total === 0 ? "before any change" : `after ${applied} of ${total} changes`;
  const message = `${where}: ${err.message} ${progress}; run up again to finish`;
  return applied > 0 ? new PartialFailure(message, state.path, state) : new OperationError(message);
}

/** A read (refresh, drift audit) changes nothing, so its errors say what could not be read and give no advice to run up. */
function readError(err: unknown, where: string): Error {
  if (!(err instanceof DeviceError)) return err instanceof Error ? err : new Error(String(err));
  if (err instanceof RouterOsTrapError) return new OperationError(`${where}: the router refused to print the menu: ${err.message}`);
  return new OperationError(err.retryable ? `${where}: could not read the menu: ${err.message}` : `${where}: ${err.message}`);
}

async function converge(inputs: TableState, ctx: OperationContext, written?: TableState): Promise<TableState> {
  const connection = routerConnection(ctx.config);
  const where = `${connection.host} ${inputs.path}`;
  const transport = transportFor(connection);
  const table = tableOf(inputs.path);
  let changes: Change[] = [];
  let applied = 0;
  try {
    const observed = await readTable(transport, table);
    changes = planChanges(table, inputs, observed.state, written);
    for (const change of changes) {
      await applyChanges(transport, table, [change], observed.ids);
      applied++;
    }
    return inputs;
  } catch (err) {
    throw deviceError(err, where, applied, changes.length, inputs);
  }
}

export const tableType: ResourceType<TableInputs, TableState> = {
  token: TABLE_TOKEN,
  shapes: TABLE_SHAPES,
  replaceOnChanges: ["path"],

  check(news) {
    const args = checkShape(TABLE_SHAPES.inputs, news);
    if (args.failures) return args;
    const { path, entries: list } = args.inputs;
    if (!MENU_TABLES.some((t) => t.path === path)) {
      return { failures: [{ property: "path", reason: `${JSON.stringify(path)} is not a managed RouterOS menu; known: ${MENU_TABLES.map((t) => t.path).join(", ")}` }] };
    }
    const failures: CheckFailure[] = [];
    const table = tableOf(path);
    const state: TableState = { path, entries: {}, ...(table.ordered ? { order: [] } : {}) };
    list.forEach((raw, i) => {
      const { entry, problems } = canonicalEntry(table, raw);
      for (const p of problems) failures.push({ property: `entries[${i}].${p.field}`, reason: p.reason });
      const key = entryKey(table, entry);
      if (key in state.entries) failures.push({ property: `entries[${i}]`, reason: `a second entry with the key ${JSON.stringify(key)} (${table.key.join(", ") || "singleton"})` });
      state.entries[key] = entry;
      state.order?.push(key);
    });
    if (table.kind === "singleton" && list.length !== 1) failures.push({ property: "entries", reason: `${path} has exactly one entry` });
    return failures.length > 0 ? { failures } : { inputs: state };
  },

  async create(inputs, ctx) {
    return { id: inputs.path, state: await converge(inputs, ctx) };
  },

  async read(id, state, ctx) {
    const connection = routerConnection(ctx.config);
    const table = tableOf(state.path ?? id);
    let observed: TableState;
    try {
      observed = (await readTable(transportFor(connection), table)).state;
    } catch (err) {
      throw readError(err, `${connection.host} ${table.path}`);
    }
    if (table.ownership === "merge") {
      // Only the entries this resource manages are its state; the others belong to nobody.
      const managed = new Set(Object.keys(state.entries ?? {}));
      observed.entries = Object.fromEntries(Object.entries(observed.entries).filter(([k]) => managed.has(k)));
    }
    // Passwords cannot be read back: keep what was written, so they never show as drift.
    const withSecrets = keepWriteOnly(table, observed, state as TableState);
    return { state: withSecrets, inputs: withSecrets };
  },

  async update(_id, olds, news, ctx) {
    return converge(news, ctx, olds);
  },

  async delete(_id, state, ctx) {
    const table = tableOf(state.path);
    // Singletons and fixed entries cannot be removed; they are left as they are.
    if (table.kind !== "list") return;
    const leaving: TableState = { path: state.path, entries: {}, ...(table.ordered ? { order: [] } : {}) };
    const connection = routerConnection(ctx.config);
    const transport = transportFor(connection);
    try {
      const observed = await readTable(transport, table);
      const removals: Change[] = Object.keys(state.entries)
        .filter((key) => key in observed.state.entries)
        .map((key) => ({ op: "remove", key }));
      await applyChanges(transport, table, removals, observed.ids);
    } catch (err) {
      throw deviceError(err, `${connection.host} ${table.path}`, 0, 0, leaving);
    }
  },
};
