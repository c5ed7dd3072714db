import { describe, expect, it } from "vitest";
import type { DriftReport } from "./audit";
import { htmlReport } from "./report-html";

const report: DriftReport = {
  startedAt: "2026-11-22T04:00:00.000Z",
  status: "drift-and-could-not-check",
  stacks: [
    {
      stack: "thieu-trung",
      commune: "xã Thiệu Trung",
      status: "drift-and-could-not-check",
      errors: [],
      seconds: 2,
      devices: [
        {
          name: "thieu-trung-r1",
          kind: "router",
          status: "drift",
          errors: [],
          findings: [
            { kind: "unmanaged", resource: "/ip/firewall/filter", property: 'entries["<script>alert(1)</script>"]', live: { comment: "<script>alert(1)</script>", "src-address": "a&b" } },
            { kind: "missing", resource: "/ip/dhcp-server/lease", property: 'entries["00:16:3E:38:00:07"]', recorded: { address: "10.39.1.202" } },
          ],
        },
        { name: "thieu-trung-sw1", kind: "switch", status: "could-not-check", errors: ["thieu-trung-sw1: connect ECONNREFUSED 127.0.0.1:2222"], findings: [] },
        { name: "Hội trường", kind: "endpoint", status: "clean", errors: [], findings: [] },
      ],
    },
  ],
};

describe("the HTML drift report", () => {
  const html = htmlReport(report);

  it("escapes everything that came from a device, so a hand-made entry cannot run in the auditor's browser", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("entries[&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;]");
    expect(html).toContain("&quot;src-address&quot;:&quot;a&amp;b&quot;");
  });

  it("says what the Markdown report says: summary, each side of a finding, what could not be checked, the clean devices", () => {
    expect(html).toContain("3 devices: 1 clean, 1 drifted, 1 could not be checked.");
    expect(html).toContain('<td class="value">(not managed)</td>');
    expect(html).toContain('<td class="value">{&quot;address&quot;:&quot;10.39.1.202&quot;}</td><td class="value">(absent)</td>');
    expect(html).toContain("<li>thieu-trung-sw1: connect ECONNREFUSED 127.0.0.1:2222</li>");
    expect(html).toContain("<p>Clean: Hội trường (endpoint).</p>");
    expect(html).toContain('<span class="status could-not-check">could not check</span>');
  });

  it("is one page that loads nothing from elsewhere", () => {
    expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\//);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });
});
