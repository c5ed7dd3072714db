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
  type RouterOsTransport,
  type TableState,
} from "@communes/routeros";
import { DeviceError } from "@communes/device-error";
import { checkShape, OperationError, PartialFailure, type CheckFailure, type OperationContext, type ResourceType } from "../resource-type";
import { TABLE_SHAPES } from "../shapes/table-shapes";
import { routerConnection, transportFor } from "./connections";
import { parseTableResourceName, TOKENS } from "../contract";

export const TABLE_TOKEN = TOKENS.table;

export type TableInputs = TableState;

function tableOf(path: string): MenuTable {
  return menuTable(path);
}

/** `router thieu-trung-r1 (127.0.0.1) /ip/firewall/filter`: the router by its name, then the address it was reached at. */
function placeOf(ctx: OperationContext, host: string, path: string): string {
  const { router } = parseTableResourceName(ctx.resource);
  return router ? `router ${router} (${host}) ${path}` : `${host} ${path}`;
}

/** What a change was doing, for the message of its failure. */
function doing(change: Change | undefined): string {
  if (!change) return "reading the menu";
  if (change.op === "move") return "putting the entries in order";
  return `${{ add: "adding", set: "changing", remove: "removing" }[change.op]} entry ${JSON.stringify(change.key)}`;
}

/**
 * Turns the router's errors into messages for the engineer. After some
 * changes went through, the error carries what the menu now holds, read
 * back from the router (or, when it cannot be read, what was wanted), so
 * the state records what was applied and a destroy removes it.
 */
function deviceError(err: unknown, where: string, failed: Change | undefined, applied: number, total: number, holds: TableState | undefined): Error {
  if (!(err instanceof DeviceError)) return err instanceof Error ? err : new Error(String(err));
  const progress = total === 0 ? "before any change" : `after ${applied} of ${total} changes`;
  const message =
    err instanceof RouterOsTrapError
      ? `${where}: ${doing(failed)}: the router refused: ${err.message} (${progress})`
      : err.retryable
        ? `${where}: ${doing(failed)}: ${err.message} ${progress}; run up again to finish`
        : `${where}: ${doing(failed)}: ${err.message}`;
  return applied > 0 && holds ? new PartialFailure(message, holds.path, holds) : new OperationError(message);
}

/** The menu as the router holds it now, as this resource's state; undefined when it cannot be read. */
async function heldNow(transport: RouterOsTransport, table: MenuTable, inputs: TableState): Promise<TableState | undefined> {
  try {
    return managedPart(table, (await readTable(transport, table)).state, inputs);
  } catch {
    return undefined;
  }
}

/** Of a merge menu, only the entries this resource manages are its state; the others belong to nobody. Passwords cannot be read back: what was written is kept. */
function managedPart(table: MenuTable, observed: TableState, recorded: TableState): TableState {
  if (table.ownership === "merge") {
    const managed = new Set(Object.keys(recorded.entries ?? {}));
    observed.entries = Object.fromEntries(Object.entries(observed.entries).filter(([k]) => managed.has(k)));
  }
  return keepWriteOnly(table, observed, recorded);
}

/** A read (refresh, drift audit) changes nothing, so its errors say what could not be read and give no advice to run up. */
function readError(err: unknown, where: string): Error {
  if (!(err instanceof DeviceError)) return err instanceof Error ? err : new Error(String(err));
  if (err instanceof RouterOsTrapError) return new OperationError(`${where}: the router refused to print the menu: ${err.message}`);
  return new OperationError(err.retryable ? `${where}: could not read the menu: ${err.message}` : `${where}: ${err.message}`);
}

async function converge(inputs: TableState, ctx: OperationContext, written?: TableState): Promise<TableState> {
  const connection = routerConnection(ctx.config);
  const transport = transportFor(connection);
  const table = tableOf(inputs.path);
  let changes: Change[] = [];
  let current: Change | undefined;
  let applied = 0;
  try {
    const observed = await readTable(transport, table);
    changes = planChanges(table, inputs, observed.state, written);
    for (const change of changes) {
      current = change;
      await applyChanges(transport, table, [change], observed.ids);
      applied++;
    }
    return inputs;
  } catch (err) {
    const holds = applied > 0 ? ((await heldNow(transport, table, inputs)) ?? inputs) : undefined;
    throw deviceError(err, placeOf(ctx, connection.host, inputs.path), current, applied, changes.length, holds);
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
      throw readError(err, placeOf(ctx, connection.host, table.path));
    }
    const held = managedPart(table, observed, state as TableState);
    return { state: held, inputs: held };
  },

  async update(_id, olds, news, ctx) {
    return converge(news, ctx, olds);
  },

  async delete(_id, state, ctx) {
    const table = tableOf(state.path);
    // Singletons and fixed entries cannot be removed; they are left as they are.
    if (table.kind !== "list") return;
    const connection = routerConnection(ctx.config);
    const transport = transportFor(connection);
    let current: Change | undefined;
    let removed = 0;
    let total = 0;
    try {
      const observed = await readTable(transport, table);
      const removals: Change[] = Object.keys(state.entries)
        .filter((key) => key in observed.state.entries)
        .map((key) => ({ op: "remove", key }));
      total = removals.length;
      for (const removal of removals) {
        current = removal;
        await applyChanges(transport, table, [removal], observed.ids);
        removed++;
      }
    } catch (err) {
      // The resource stays in the state as it was: a destroy run again removes what is left.
      throw deviceError(err, placeOf(ctx, connection.host, table.path), current, removed, total, undefined);
    }
  },
};
