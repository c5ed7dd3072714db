export { routerIntent, type RouterIntent } from "./router-intent";
export { managementSources, type Fields, type TableIntent } from "./context";
export * from "./names";
export { apiPortOf } from "./services";
