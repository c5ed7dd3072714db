/**
 * Every SSH session the project opens — a router's `/export`, a switch's CLI
 * — starts however a slow line cuts the server's identification and
 * banner: one byte per segment, random segments, greeting lines before the
 * identification (RFC 4253 §4.2). ssh2 alone fails on a split
 * identification; @communes/ssh-socket hands it over whole.
 */
import { afterEach, describe, expect, it } from "vitest";
import { exportConfiguration } from "@communes/routeros";
import { CliSession, IOS, sshFamilyOf } from "@communes/switch";
import { startLabRouter, startLabSwitch } from "@communes/lab";
import { BYTE_BY_BYTE, randomSegments, startSegmentingProxy, type SegmentPlan, type SegmentingProxy } from "../harness/segmenting-proxy";

const closing: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await c.close();
});

const PLANS: Array<[string, SegmentPlan]> = [
  ["one byte per segment", BYTE_BY_BYTE],
  ["random segments", randomSegments(7)],
  ["greeting lines first, then random segments", { ...randomSegments(11, 3), greeting: "Authorised access only.\r\nLines of the province's network.\r\n" }],
];

async function proxied(target: { host: string; port: number }, plan: SegmentPlan): Promise<SegmentingProxy> {
  const proxy = await startSegmentingProxy(target, plan);
  closing.push(proxy);
  return proxy;
}

describe("SSH sessions start on a fragmenting line", () => {
  for (const [name, plan] of PLANS) {
    it(`a router's /export: ${name}`, { timeout: 30_000 }, async () => {
      const router = await startLabRouter();
      closing.push(router);
      const proxy = await proxied({ host: router.host, port: router.sshPort }, plan);
      const script = await exportConfiguration({ device: "thieu-trung-r1", host: "127.0.0.1", port: proxy.port, username: router.username, password: router.password, hostKeyFingerprint: router.sshHostKeyFingerprint });
      expect(script).toMatch(/^# .* by RouterOS/m);
    });

    it(`a switch's CLI: ${name}`, { timeout: 30_000 }, async () => {
      const sw = await startLabSwitch({ hostname: "thieu-trung-sw1" });
      closing.push(sw);
      const proxy = await proxied({ host: sw.host, port: sw.port }, plan);
      const session = await CliSession.open({ device: "thieu-trung-sw1", host: "127.0.0.1", port: proxy.port, username: sw.username, password: sw.password, hostKeyFingerprint: sw.hostKeyFingerprint, legacyAlgorithms: sshFamilyOf("Catalyst 2960-X 24")!.legacy }, IOS);
      try {
        expect(await session.run("show running-config | include hostname")).toContain("hostname thieu-trung-sw1");
      } finally {
        await session.close();
      }
    });
  }
});
