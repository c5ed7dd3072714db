/**
 * `communes:router:CommuneRouter`: a commune router as one component, one
 * `communes:routeros:Table` child per menu. Tables of a later stage depend on
 * every table of the stage before (a VLAN interface needs its bridge), so
 * the engine applies them in order and in parallel within a stage.
 */
import * as pulumi from "@pulumi/pulumi";
import { byStage } from "@communes/routeros";
import { tableResourceName, TOKENS } from "../contract";
import { RouterOsTable } from "./table";

export interface RouterTableArgs {
  path: string;
  entries: Array<Record<string, pulumi.Input<string>>>;
  /** Take the menu as the router holds it into the stack (an import ID, see import-id.ts) instead of writing it. */
  import?: string;
}

export interface CommuneRouterArgs {
  /** The router's tables, from the router intent. */
  tables: readonly RouterTableArgs[];
}

export class CommuneRouter extends pulumi.ComponentResource {
  readonly tables: Record<string, RouterOsTable> = {};

  constructor(name: string, args: CommuneRouterArgs, opts: pulumi.ComponentResourceOptions & { provider: pulumi.ProviderResource }) {
    super(TOKENS.communeRouter, name, {}, opts);
    // The menu tables say when each menu is applied (MenuTable.stage).
    let previous: RouterOsTable[] = [];
    for (const stage of byStage(args.tables)) {
      const current = stage.map((t) => {
        const table = new RouterOsTable(tableResourceName(name, t.path), { path: t.path, entries: t.entries }, { parent: this, provider: opts.provider, dependsOn: previous, ...(t.import ? { import: t.import } : {}) });
        this.tables[t.path] = table;
        return table;
      });
      previous = [...previous, ...current];
    }
    this.registerOutputs({});
  }
}
