/**
 * Hardening: the router's services as the services table lists them
 * (`@communes/routeros/model`): the clear-text ones off; SSH and Winbox on;
 * of the three APIs, only the one the stack comes in by (an intent never
 * disables its own door), each open to the managers only, on its port (the
 * inventory's for the stack's API).
 */
import type { CommuneModel } from "@communes/inventory";
import { defaultApiPort, ROUTER_SERVICES, type ApiTransport, type RouterService } from "@communes/routeros/model";
import type { Fields, RouterContext, TableIntent } from "./context";

/** The port the router's service for `transport` listens on: the inventory's for its own transport, the default for one a stack overrides it with. */
export function apiPortOf(commune: CommuneModel, transport: ApiTransport): number {
  const api = commune.settings.router.api;
  return transport === api.transport ? api.port : defaultApiPort(transport);
}

function portOf(ctx: RouterContext, service: RouterService): number {
  return service.transport === ctx.transport ? apiPortOf(ctx.commune, ctx.transport) : service.port;
}

/** The ports of the management services, ascending: what the input chain opens to the managers. */
export function managementPorts(ctx: RouterContext): number[] {
  return ROUTER_SERVICES.filter((s) => s.use === "management").map((s) => portOf(ctx, s)).sort((a, b) => a - b);
}

export function serviceTables(ctx: RouterContext): TableIntent[] {
  const managers = [...ctx.managers[4], ...ctx.managers[6]].join(",");
  return [
    {
      path: "/ip/service",
      entries: ROUTER_SERVICES.map((s): Fields => {
        const port = String(portOf(ctx, s));
        if (s.use === "cleartext") return { name: s.name, port, disabled: "true" };
        const enabled = s.transport === undefined || s.transport === ctx.transport;
        return { name: s.name, port, disabled: enabled ? "false" : "true", address: managers };
      }),
    },
  ];
}
