export * from "./router";
export * from "./secret-ref";
export * from "./routeros-script";
export * from "./switch-intent";
export * from "./port-roles";
export * from "./endpoint-intent";
export * from "./secret-names";
export * from "./reconstruct";
