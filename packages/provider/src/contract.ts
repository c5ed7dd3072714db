/**
 * The provider's public contract, as the network component, the stack, the
 * CLI and the lab rely on it: the type tokens of every resource, how child
 * resources are named (and read back from a name), and which collections a
 * resource owns. The one place these are written. No Pulumi module is
 * loaded here (`@communes/provider/contract`), so commands that only read
 * stacks do not pay for it.
 */

export const PACKAGE = "communes";

export const TOKENS = {
  /** One RouterOS menu of one router. */
  table: "communes:routeros:Table",
  /** The router's configuration exported before a change (the audit trail). */
  configExport: "communes:routeros:ConfigExport",
  switch: "communes:switch:IosSwitch",
  endpoint: "communes:endpoint:Endpoint",
  textFile: "communes:lab:TextFile",
  /** Components: a commune's router, and the whole commune. */
  communeRouter: "communes:router:CommuneRouter",
  communeNetwork: "communes:index:CommuneNetwork",
  /** An instance of this provider, as Pulumi types it. */
  provider: `pulumi:providers:${PACKAGE}`,
} as const;

/** A router table's resource name, `<router>/ip/address`: renaming one replaces it. */
export function tableResourceName(router: string, path: string): string {
  return `${router}${path}`;
}

/** The router and menu a table's resource name stands for. */
export function parseTableResourceName(name: string): { router: string; path: string } {
  const slash = name.indexOf("/");
  return { router: name.slice(0, slash), path: name.slice(slash) };
}

const ENDPOINT_PROVIDER_PREFIX = "endpoint ";

/** The provider instance of an endpoint is named after its system name; a router's and a switch's after their host names. */
export function endpointProviderName(systemName: string): string {
  return `${ENDPOINT_PROVIDER_PREFIX}${systemName}`;
}

/** The device a provider instance's name stands for. */
export function deviceOfProviderName(name: string): string {
  return name.startsWith(ENDPOINT_PROVIDER_PREFIX) ? name.slice(ENDPOINT_PROVIDER_PREFIX.length) : name;
}

/** The top-level properties whose keys are entries the resource owns as a set (keys found on the device and not declared are drift). */
export const OWNED_COLLECTIONS: Readonly<Record<string, readonly string[]>> = {
  [TOKENS.table]: ["entries"],
  [TOKENS.switch]: ["vlans"],
};

/*
 * The state of each resource as the stack records it (its checked inputs
 * have the same shape for a switch and a table), and a reader that checks a
 * recorded value against it and says what is wrong: what the CLI reads a
 * preview's before and after with, instead of casting. Their shapes
 * (shapes/*-shapes.ts) are also what the provider checks inputs with and
 * what its package schema (`pulumi package get-schema`) is generated from.
 */
export type { TableState } from "@communes/routeros";
export type { PortConfig, SwitchState } from "@communes/switch";
export type { EndpointInputs, EndpointState } from "./endpoint/endpoint-type";
export type { ConfigExportInputs, ConfigExportState } from "./routeros/config-export-type";
export type { ExportComparison } from "./routeros/export-comparison";
export { readTableState, type TableArgs } from "./shapes/table-shapes";
export { readSwitchState } from "./shapes/switch-shapes";
export { readEndpointState } from "./shapes/endpoint-shapes";
export { readConfigExportState } from "./shapes/config-export-shapes";
export { describeProblems, type Problem, type Reading } from "./shapes/shape";
