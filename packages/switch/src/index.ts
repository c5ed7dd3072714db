export * from "./dialect";
export * from "./cli-session";
export * from "./switch-state";
export * from "./vlan-list";
export * from "./ios/dialect";
export * from "./ios/parse-running-config";
export * from "./ios/plan-commands";
