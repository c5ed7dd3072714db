export * from "./router";
export * from "./secret-ref";
export * from "./routeros-script";
export * from "./switch-intent";
export * from "./endpoint-intent";
export * from "./secret-names";
