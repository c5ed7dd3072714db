/** The program side of `communes:routeros:ConfigExport`. */
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_EXPORT_TOKEN } from "./config-export-type";
import type { ExportComparison } from "./export-comparison";

export interface ConfigExportArgs {
  /** The router's name. */
  router: string;
  /** A new export is taken whenever this changes: a hash of the router's intended configuration. */
  trigger: string;
}

export class ConfigExport extends pulumi.CustomResource {
  /** The router's configuration as `/export` printed it before the change. */
  declare readonly script: pulumi.Output<string>;
  declare readonly sha256: pulumi.Output<string>;
  declare readonly exportedAt: pulumi.Output<string>;
  /** The menus `/export` never lists (users, scheduler, services…), as the API printed them then. */
  declare readonly audited: pulumi.Output<Record<string, string[]>>;
  /** Only in a drift audit's refresh: the router now against the record (export-comparison.ts). */
  declare readonly comparison: pulumi.Output<ExportComparison | undefined>;

  constructor(name: string, args: ConfigExportArgs, opts?: pulumi.CustomResourceOptions) {
    super(CONFIG_EXPORT_TOKEN, name, { router: args.router, trigger: args.trigger, script: undefined, sha256: undefined, exportedAt: undefined, audited: undefined, comparison: undefined }, opts);
  }
}
