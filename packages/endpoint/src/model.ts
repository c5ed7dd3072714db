/**
 * `@communes/endpoint/model`: what an endpoint holds, as the project names
 * it, and each vendor's parameter map, without any HTTPS client. The intent
 * and its inverse import this; the drivers import the whole package.
 */
export * from "./endpoint-settings";
export * from "./vendor-parameter";
export * from "./parameter-maps";
