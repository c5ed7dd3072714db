/**
 * The type tokens of the commune stack's resources, as the provider and the
 * network component register them: the CLI's one list of them.
 */
export const TABLE_TYPE = "communes:routeros:Table";
export const SWITCH_TYPE = "communes:switch:IosSwitch";
export const ENDPOINT_TYPE = "communes:endpoint:Endpoint";
/** Not a device setting: the router's configuration, exported before a change (the audit trail). */
export const CONFIG_EXPORT_TYPE = "communes:routeros:ConfigExport";
export const COMMUNE_TYPE = "communes:index:CommuneNetwork";
export const ROUTER_COMPONENT_TYPE = "communes:router:CommuneRouter";
export const PROVIDER_TYPE = "pulumi:providers:communes";
