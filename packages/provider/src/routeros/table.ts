/** The program side of `communes:routeros:Table`. */
import * as pulumi from "@pulumi/pulumi";
import type { TableState } from "@communes/routeros";
import { TABLE_TOKEN } from "./table-type";

export interface RouterOsTableArgs {
  /** The menu, e.g. `/ip/address`. Changing it replaces the resource. */
  path: string;
  /**
   * Every entry the menu should hold, as RouterOS property names and values.
   * In an ordered menu (firewall) the list order is the rule order. Entries
   * on the device that are not listed are removed (owned menus).
   */
  entries: pulumi.Input<Array<pulumi.Input<Record<string, pulumi.Input<string>>>>>;
}

export class RouterOsTable extends pulumi.CustomResource {
  declare readonly path: pulumi.Output<string>;
  /** The entries as the device holds them, canonical and keyed by what identifies them. */
  declare readonly entries: pulumi.Output<TableState["entries"]>;
  declare readonly order: pulumi.Output<string[] | undefined>;

  constructor(name: string, args: RouterOsTableArgs, opts?: pulumi.CustomResourceOptions) {
    super(TABLE_TOKEN, name, { path: args.path, entries: args.entries, order: undefined }, opts);
  }
}
