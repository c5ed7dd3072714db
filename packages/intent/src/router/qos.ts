/**
 * QoS on the dedicated line: each zone's DSCP set on its way out, then
 * packets marked by class and shaped to the line's committed rate, the
 * videoconference first (EF 40 %, AF41 30 % guaranteed).
 */
import type { Fields, RouterContext, TableIntent } from "./context";
import { DEDICATED_QUEUE, ownComment, ownRule, VC_MARKS, zoneInterface } from "./names";

export function qosTables({ commune, zones }: RouterContext): TableIntent[] {
  const line = commune.uplinks.dedicated;
  const bandwidth = Math.round(line.bandwidthMbps * 1_000_000);
  const out = line.interface;
  const mangle: Fields[] = zones.flatMap((z) =>
    z.dscp === undefined ? [] : [ownRule(`DSCP ${z.dscp} for ${z.zone}`, { chain: "forward", action: "change-dscp", "new-dscp": String(z.dscp), "in-interface": zoneInterface(z), "out-interface": out, passthrough: "yes" })],
  );
  mangle.push(
    ownRule("videoconference EF", { chain: "postrouting", action: "mark-packet", "out-interface": out, dscp: "46", "new-packet-mark": VC_MARKS.ef, passthrough: "no" }),
    ownRule("videoconference AF41", { chain: "postrouting", action: "mark-packet", "out-interface": out, dscp: "34", "new-packet-mark": VC_MARKS.af41, passthrough: "no" }),
    ownRule("everything else on the dedicated line", { chain: "postrouting", action: "mark-packet", "out-interface": out, "new-packet-mark": "other", passthrough: "no" }),
  );
  const max = String(bandwidth);
  return [
    { path: "/ip/firewall/mangle", entries: mangle },
    {
      path: "/queue/tree",
      entries: [
        { name: DEDICATED_QUEUE, parent: out, "max-limit": max, comment: ownComment("committed rate of the dedicated line") },
        { name: VC_MARKS.ef, parent: DEDICATED_QUEUE, "packet-mark": VC_MARKS.ef, priority: "1", "limit-at": String(Math.round(bandwidth * 0.4)), "max-limit": max },
        { name: VC_MARKS.af41, parent: DEDICATED_QUEUE, "packet-mark": VC_MARKS.af41, priority: "2", "limit-at": String(Math.round(bandwidth * 0.3)), "max-limit": max },
        { name: "other", parent: DEDICATED_QUEUE, "packet-mark": "other", priority: "8", "max-limit": max },
      ],
    },
  ];
}
