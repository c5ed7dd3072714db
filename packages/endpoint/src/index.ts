export * from "./endpoint-settings";
export * from "./https-json";
export * from "./poly/parameters";
export * from "./poly/poly-driver";
export * from "./cisco/parameters";
export * from "./cisco/cisco-driver";
export * from "./cisco/xml";
