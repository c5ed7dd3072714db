/** Logs to the SOC: one remote action per collector, the topics that matter sent to each. */
import type { RouterContext, TableIntent } from "./context";
import { syslogAction } from "./names";

const TOPICS = ["info", "warning", "error", "critical"];

export function loggingTables({ commune }: RouterContext): TableIntent[] {
  const actions = commune.settings.syslog.map((s, i) => ({ name: syslogAction(i + 1), target: "remote", remote: s.address, "remote-port": String(s.port ?? 514), "remote-protocol": s.protocol ?? "udp" }));
  return [
    { path: "/system/logging/action", entries: actions },
    { path: "/system/logging", entries: actions.flatMap((a) => TOPICS.map((topics) => ({ topics, action: a.name }))) },
  ];
}
