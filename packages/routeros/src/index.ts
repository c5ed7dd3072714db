export * from "./protocol/words";
export * from "./protocol/sentence";
export * from "./client/errors";
export * from "./client/transport";
export * from "./client/api-client";
export * from "./client/rest-client";
