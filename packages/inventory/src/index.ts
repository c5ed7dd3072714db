/** The commune inventory: load, validate, resolve, plan, check. */
export * from "./diagnostic";
export * from "./discover";
export * from "./inventory";
export type * from "./model/model";
export { expandPorts } from "./model/ports";
export { iosText, IOS_DESCRIPTION_MAX } from "./model/ios-text";
export { DEFAULT_ROUTER_TRUNK } from "./model/router-ports";
export { closest } from "./schema/suggest";
export * from "./plan/commune-plan";
export * from "./addressing/cidr";
export type { Commune, Province } from "./schema/schema-types.generated";
