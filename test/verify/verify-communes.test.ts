/**
 * The verifier on the Thanh Hóa example: golden matrices (checked by hand
 * once, reviewed in diffs), the faults of the configuration rendered before
 * docs/decisions/0012, mutations of the rendered router that change the
 * verdicts as they must, and properties over generated rule sets.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { discover, loadInventory, type CommuneModel, type CommunePlan, type ProvinceModel } from "@communes/inventory";
import { routerIntent } from "@communes/intent";
import { communeSite, matrix, matrixText, parseRouterScript, routerConfig, policyFindings, service, Verifier, verifyCommune, type Check, type Row } from "@communes/verify";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

interface Loaded {
  province: ProvinceModel;
  commune: CommuneModel;
  plan: CommunePlan;
}

function load(name: string): Loaded {
  const file = `examples/thanh-hoa/communes/${name}.yaml`;
  const { targets } = discover([file]);
  const inventory = loadInventory(targets[0]!);
  expect(inventory.diagnostics).toEqual([]);
  return { province: inventory.province!, commune: inventory.communes.find((c) => c.file === file)!, plan: inventory.plans.find((p) => p.file === file)! };
}

const thieuTrung = load("thieu-trung");
const failed = (checks: readonly Check[]) => checks.filter((c) => c.status === "failed");

/** The rendered router's tables with one table changed. */
function mutated(l: Loaded, path: string, change: (rows: Row[]) => Row[]) {
  const tables = routerIntent(l.province, l.commune, l.plan).tables.map((t) => (t.path === path ? { ...t, entries: change(t.entries) } : t));
  return verifyCommune(l.province, l.commune, l.plan, { given: { config: routerConfig(tables), source: "mutated" } });
}

describe("communes verify", () => {
  for (const name of ["thieu-trung", "hai-linh", "hoa-loc"]) {
    it(`finds ${name}'s policy and needs met, with its golden matrix`, () => {
      const l = load(name);
      const v = verifyCommune(l.province, l.commune, l.plan);
      expect(failed(v.checks)).toEqual([]);
      // The example declares every host name it uses in a destination: nothing stays unchecked.
      expect(v.checks.filter((c) => c.status === "unchecked")).toEqual([]);
      const golden = `test/fixtures/golden/verify/${name}.matrix.txt`;
      const text = matrixText(v.matrix);
      if (process.env.COMMUNES_UPDATE_FIXTURES === "1") writeFileSync(golden, text);
      expect(text).toBe(readFileSync(golden, "utf8"));
    });
  }

  it("reports the faults of the configuration rendered before the router became the zones' resolver", () => {
    const script = "test/fixtures/verify/thieu-trung-before-0012.rsc";
    const v = verifyCommune(thieuTrung.province, thieuTrung.commune, thieuTrung.plan, { given: { config: parseRouterScript(readFileSync(script, "utf8")), source: script } });
    const what = failed(v.checks).map((c) => `${c.kind} IPv${c.family} ${c.what} — ${c.reason}`);
    const has = (pattern: RegExp) => expect(what.filter((w) => pattern.test(w)), String(pattern)).not.toEqual([]);
    // Citizens' and meeting-room devices are handed the provincial DNS and NTP they may not reach.
    has(/^requirement IPv4 DHCP of citizen_wifi hands out 172\.16\.0\.53 as DNS server: .* udp\/53 — dropped by \/ip\/firewall\/filter #\d+ \(communes: drop everything else\)/);
    has(/^requirement IPv4 DHCP of meeting_room hands out 172\.16\.0\.123 as NTP server/);
    has(/^requirement IPv6 router advertisements in citizen_wifi hand out 2001:db8:ff00::53/);
    // The endpoint (with today's settings: the router as its time server), its syslog and its management from the NOC.
    has(/^requirement IPv4 endpoint .* takes its time from 10\.38\.128\.225: meeting_room → router .* — dropped by \/ip\/firewall\/filter #\d+ \(communes: router: drop everything else\)/);
    has(/^requirement IPv4 endpoint .* logs to 172\.16\.2\.10/);
    has(/^requirement IPv4 noc manages endpoint .* \(HTTPS\)/);
    // IPv6 to the Internet leaves by the ISP's line with the province's addresses.
    has(/^flow IPv6 staff → internet https: allowed by the policy — leaves by the Internet line \(ether2\)/);
    // Nothing of the sort in today's rendering.
    expect(failed(verifyCommune(thieuTrung.province, thieuTrung.commune, thieuTrung.plan).checks)).toEqual([]);
  });

  it("each switch's syslog to the SOC is a need: met by the management zone's flows, failed without them", () => {
    const l = thieuTrung;
    const need = (v: ReturnType<typeof verifyCommune>) => v.checks.filter((c) => c.what.startsWith("switch thieu-trung-sw1 logs to 172.16.2.10"));
    expect(need(verifyCommune(l.province, l.commune, l.plan)).map((c) => [c.status, c.from, c.to, c.service.name])).toEqual([["ok", "management", "soc", "syslog"]]);
    // The SOC is inside the government networks: both of the management zone's flows carry the syslog.
    const cut = need(mutated(l, "/ip/firewall/filter", (rows) => rows.filter((r) => r.comment !== "communes: management to soc" && r.comment !== "communes: management to government")));
    expect(cut).toEqual([expect.objectContaining({ status: "failed", reason: expect.stringMatching(/dropped by \/ip\/firewall\/filter #\d+ \(communes: drop everything else\)/) })]);
  });

  it("a host name the province declares in a destination is checked as that destination; an undeclared one is not checked, and says so", () => {
    const l = thieuTrung;
    const registrar = (v: ReturnType<typeof verifyCommune>) => v.checks.filter((c) => c.what.includes("registers through mcu.thanhhoa.gov.vn (sip.registrar)"));
    expect(registrar(verifyCommune(l.province, l.commune, l.plan)).map((c) => [c.status, c.to])).toEqual([["ok", "mcu"]]);
    // The meeting room's flow to the MCU removed: the registration through the name now fails, naming the rule.
    const cut = registrar(mutated(l, "/ip/firewall/filter", (rows) => rows.filter((r) => r.comment !== "communes: meeting_room to mcu")));
    expect(cut).toEqual([expect.objectContaining({ status: "failed", reason: expect.stringMatching(/dropped by \/ip\/firewall\/filter #\d+ \(communes: drop everything else\)/) })]);
    // The same province without the declaration: not checked, with the reason.
    const undeclared = { ...l.province, destinations: l.province.destinations.map((d) => ({ ...d, hosts: [] })) };
    expect(registrar(verifyCommune(undeclared, l.commune, l.plan))).toEqual([expect.objectContaining({ status: "unchecked", reason: expect.stringMatching(/is a host name: its address is not known to the verifier/) })]);
  });

  it("mutations of the rendered router change the verdicts as they must", () => {
    const l = thieuTrung;
    const line = (v: ReturnType<typeof verifyCommune>) => failed(v.checks).map((c) => `${c.kind} IPv${c.family} ${c.from} → ${c.to} ${c.service.name}: ${c.reason}`);

    // Without the input rule for DNS and NTP, what DHCP hands out is unreachable.
    const noDns = line(mutated(l, "/ip/firewall/filter", (rows) => rows.filter((r) => r.comment !== "communes: router: DNS and NTP for the zones")));
    expect(noDns).toContain("requirement IPv4 citizen_wifi → router dns: dropped by /ip/firewall/filter #6 (communes: router: drop everything else)");

    // The resolver switched off: the same requirement fails at the router, not the firewall.
    const off = line(mutated(l, "/ip/dns", (rows) => rows.map((r) => ({ ...r, "allow-remote-requests": "false" }))));
    expect(off).toContain("requirement IPv4 staff → router dns: the router does not answer DNS queries (/ip/dns allow-remote-requests is off)");

    // A hand-added accept rule at the top opens the staff LAN to citizens.
    const open = line(
      mutated(l, "/ip/firewall/filter", (rows) => [{ chain: "forward", action: "accept", "in-interface": "vlan50-citizen-wifi", "out-interface": "vlan20-staff", comment: "by hand" }, ...rows]),
    );
    expect(open).toContain("isolation IPv4 citizen_wifi → staff smb: accepted by /ip/firewall/filter #0 (by hand), out by vlan20-staff");
    expect(open.filter((f) => !f.startsWith("isolation IPv4 citizen_wifi → staff"))).toEqual([]);

    // The final drop moved up: the policy's flows are blocked (and the needs behind them).
    const reordered = line(
      mutated(l, "/ip/firewall/filter", (rows) => {
        const drop = rows.find((r) => r.comment === "communes: drop everything else")!;
        return [...rows.filter((r) => r !== drop && r.chain === "input"), drop, ...rows.filter((r) => r !== drop && r.chain !== "input")];
      }),
    );
    expect(reordered.filter((f) => f.startsWith("flow IPv4 staff → government https"))).toEqual(["flow IPv4 staff → government https: dropped by /ip/firewall/filter #8 (communes: drop everything else)"]);

    // No masquerade: the Internet is out of reach in IPv4, not in IPv6 (the dedicated line carries it).
    const noNat = line(mutated(l, "/ip/firewall/nat", () => []));
    expect(noNat.some((f) => f.startsWith("flow IPv4 citizen_wifi → internet https: leaves by the Internet line (ether2)"))).toBe(true);
    expect(noNat.some((f) => f.includes("IPv6"))).toBe(false);

    // The API limited to a wrong NOC prefix: the NOC loses the router.
    const wrongNoc = line(mutated(l, "/ip/service", (rows) => rows.map((r) => (r.name === "api-ssl" ? { ...r, address: "172.16.9.0/24" } : r))));
    expect(wrongNoc).toContain("requirement IPv4 noc → router api-ssl: the router's api-ssl service accepts only 172.16.9.0/24 (/ip/service address), not 172.16.1.1");
  });

  it("the Internet line down: IPv4 to the Internet fails over to the dedicated line", () => {
    const l = thieuTrung;
    const config = routerConfig(routerIntent(l.province, l.commune, l.plan).tables);
    const v = new Verifier(config, communeSite(l.province, l.commune, l.plan, config));
    const https = service("https");
    expect(v.reach({ place: "staff" }, { place: "internet" }, https, 4).reason).toMatch(/out by ether2$/);
    expect(v.reach({ place: "staff" }, { place: "internet" }, https, 4, "internet-down").reason).toMatch(/out by ether1$/);
    expect(v.reach({ place: "staff" }, { place: "internet" }, https, 6, "dedicated-down")).toMatchObject({ allowed: false });
  });
});

describe("the policy verified where it is written", () => {
  it("a default syslog collector no flow reaches is a problem at its address in the province's defaults", () => {
    const { targets } = discover(["examples/thanh-hoa/communes/thieu-trung.yaml"]);
    const target = targets[0]!;
    const read = (f: string) => (f === target.provinceFile ? readFileSync(f, "utf8").replace("- address: 172.16.2.10", "- address: 192.0.2.10") : readFileSync(f));
    const problems = loadInventory(target, read, [(p, c, pl) => policyFindings(p, c.filter((x) => target.requested.has(x.file)), pl)]).diagnostics;
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((d) => d.path))).toEqual(new Set(["defaults.syslog[0].address"]));
    expect(problems[0]!.message).toMatch(/logs to 192\.0\.2\.10/);
  });

  it("a gatekeeper outside every destination the meeting room reaches is a problem at the gatekeeper's value, once for all communes", () => {
    const { targets } = discover(["examples/thanh-hoa"]);
    const target = targets[0]!;
    const read = (f: string) => (f === target.provinceFile ? readFileSync(f, "utf8").replace("gatekeeper: 172.16.20.11", "gatekeeper: 172.16.30.11") : readFileSync(f));
    expect(loadInventory(target, read).diagnostics).toEqual([]);
    const problems = loadInventory(target, read, [policyFindings]).diagnostics;
    expect(problems.map((d) => `${d.file}:${d.line} ${d.path}: ${d.message.replace(/\(.*?\)/, "(…)")}`)).toEqual(
      ["tcp/1720", "udp/1719"].map(
        (port) =>
          `examples/thanh-hoa/province.yaml:58 services.mcu.h323.gatekeeper: the policy cannot be met in 166 communes (…): for example, endpoint Hội trường UBND phường Hạc Thành ${port === "tcp/1720" ? "calls through" : "registers with"} the gatekeeper 172.16.30.11: meeting_room → government 172.16.30.11 ${port} is blocked: dropped by /ip/firewall/filter (communes: drop everything else)`,
      ),
    );
  });
});

describe("properties over generated rule sets", () => {
  const l = thieuTrung;
  const tables = routerIntent(l.province, l.commune, l.plan).tables;
  const zones = l.plan.zones.map((z) => `vlan${z.vlan}-${z.zone.replace(/_/g, "-")}`);
  const rule = fc.record(
    {
      chain: fc.constant("forward"),
      action: fc.constantFrom("accept", "drop"),
      "in-interface": fc.constantFrom(...zones, ""),
      "out-interface": fc.constantFrom(...zones, "ether1", ""),
      protocol: fc.constantFrom("tcp", "udp", ""),
      "dst-port": fc.constantFrom("53", "443", "22,8291", ""),
      "dst-address-list": fc.constantFrom("communes-government", "!communes-destinations", ""),
    },
    { requiredKeys: ["chain", "action"] },
  );
  const verdicts = (filter: Row[]) => {
    const t = tables.map((x) => (x.path === "/ip/firewall/filter" ? { ...x, entries: filter } : x));
    const config = routerConfig(t);
    return matrix(new Verifier(config, communeSite(l.province, l.commune, l.plan, config)))
      .filter((c) => c.family === 4)
      .map((c) => c.reach.allowed);
  };
  const input = tables.find((t) => t.path === "/ip/firewall/filter")!.entries.filter((r) => r.chain === "input");

  it("rules after an unconditional drop, and disabled rules anywhere, change nothing", () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 6 }), fc.array(rule, { maxLength: 4 }), fc.nat(6), (rules, after, at) => {
        const base = [...input, ...rules, { chain: "forward", action: "drop" }];
        const expected = verdicts(base);
        expect(verdicts([...base, ...after])).toEqual(expected);
        const disabled = [...base];
        disabled.splice(Math.min(at, disabled.length), 0, ...after.map((r) => ({ ...r, disabled: "true" })));
        expect(verdicts(disabled)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it("an accept rule first lets through whatever it matches; a drop rule first blocks it", () => {
    fc.assert(
      fc.property(rule, fc.array(rule, { maxLength: 6 }), (first, rest) => {
        const config = (filter: Row[]) => routerConfig(tables.map((x) => (x.path === "/ip/firewall/filter" ? { ...x, entries: [...input, ...filter] } : x)));
        const accept = { ...first, action: "accept" };
        const c = config([accept, ...rest]);
        for (const cell of matrix(new Verifier(c, communeSite(l.province, l.commune, l.plan, c))).filter((x) => x.family === 4 && x.to !== "router")) {
          if (cell.reach.rule?.index === input.length) expect(cell.reach.allowed || /leaves by the Internet line|reply/.test(cell.reach.reason)).toBe(true);
        }
        const d = config([{ ...first, action: "drop" }, ...rest]);
        for (const cell of matrix(new Verifier(d, communeSite(l.province, l.commune, l.plan, d))).filter((x) => x.family === 4 && x.to !== "router")) {
          if (cell.reach.rule?.index === input.length) expect(cell.reach.allowed).toBe(false);
        }
      }),
      { numRuns: 25 },
    );
  });
});
