/**
 * The router as a host: its identity (the ASCII host name NMS tools, syslog
 * and prompts expect), the commune's own name in the login note, the clock,
 * and the zones' resolver and time server (docs/decisions/0012): the router
 * alone talks to the provincial DNS and NTP over the dedicated line, so no
 * zone needs a flow to them.
 */
import type { RouterContext, TableIntent } from "./context";

export function systemTables({ commune }: RouterContext): TableIntent[] {
  const settings = commune.settings;
  return [
    { path: "/system/identity", entries: [{ name: commune.router.hostname }] },
    { path: "/system/note", entries: [{ note: `${commune.kind} ${commune.name}`, "show-at-login": "yes" }] },
    { path: "/system/clock", entries: [{ "time-zone-name": settings.timezone, "time-zone-autodetect": "false" }] },
    { path: "/system/ntp/client", entries: [{ enabled: "true", mode: "unicast", servers: settings.ntp.join(",") }] },
    { path: "/system/ntp/server", entries: [{ enabled: "true" }] },
    { path: "/ip/dns", entries: [{ servers: settings.dns.join(","), "allow-remote-requests": "true" }] },
  ];
}
