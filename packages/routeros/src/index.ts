export * from "./protocol/words";
export * from "./protocol/sentence";
