export * from "./router-intent";
export * from "./routeros-script";
