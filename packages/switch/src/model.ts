/**
 * `@communes/switch/model`: what a switch holds (its state, the running
 * configuration's parse, VLAN lists, the SSH needs of each model family),
 * without any SSH session. The intent and its inverse import this; the
 * drivers import the whole package.
 */
export * from "./switch-state";
export * from "./vlan-list";
export * from "./ios/parse-running-config";
export * from "./ios/ssh-families";
