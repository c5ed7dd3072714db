/** Program-side resources of the communes provider. */
export { TextFile, type TextFileArgs } from "./lab/text-file";
export { Provider, type ProviderArgs, type RouterConnectionArgs, type SwitchConnectionArgs, type EndpointConnectionArgs } from "./provider-resource";
export { RouterOsTable, type RouterOsTableArgs } from "./routeros/table";
export { ConfigExport, type ConfigExportArgs } from "./routeros/config-export";
export { CommuneRouter, type CommuneRouterArgs, type RouterTableArgs } from "./routeros/commune-router";
export * from "./contract";
export { IosSwitch, type IosSwitchArgs } from "./switch/ios-switch";
export { Endpoint, type EndpointArgs } from "./endpoint/endpoint";
export { tableImportId, switchImportId, endpointImportId } from "./import-id";
