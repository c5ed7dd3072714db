/**
 * The lab router driven by the tools engineers use on real RouterOS, as
 * Debian bookworm packages them (installed by scripts/test-tools.sh, which
 * `npm test` runs first): librouteros, Ansible's community.routeros
 * (api_info, api_facts, api_modify over librouteros), curl on the REST API
 * and OpenSSH's `ssh` for `/export`. A missing tool fails these tests; it
 * never skips them.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startLabRouter, type LabRouter } from "@communes/lab";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PYTHON, requireTools, run, runPlaybook } from "../harness/debian-tools";

let router: LabRouter;
let dir: string;
beforeAll(async () => {
  dir = await requireTools("librouteros", "routeros-tools-");
  router = await startLabRouter({ tls: true });
});
afterAll(async () => {
  await router?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("librouteros", () => {
  it("logs in, prints, adds with a query, and refuses the MD5 challenge login RouterOS 7 no longer has", async () => {
    const script = join(dir, "librouteros-run.py");
    writeFileSync(
      script,
      [
        "import json, ssl, sys",
        "from librouteros import connect",
        "from librouteros.login import plain, token",
        "from librouteros.query import Key",
        "ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE",
        "api = connect(host=sys.argv[1], port=int(sys.argv[2]), username=sys.argv[3], password=sys.argv[4], login_method=plain, ssl_wrapper=ctx.wrap_socket)",
        "out = {'resource': list(api.path('system', 'resource'))[0]}",
        "pools = api.path('ip', 'pool')",
        "pools.add(name='staff', ranges='10.40.7.20-10.40.7.254')",
        "name = Key('name')",
        "out['pool'] = [dict(p) for p in pools.select(name).where(name == 'staff')]",
        "out['enabled_services'] = sorted(s['name'] for s in api.path('ip', 'service') if not s['disabled'])",
        "try:",
        "    connect(host=sys.argv[1], port=int(sys.argv[2]), username=sys.argv[3], password=sys.argv[4], login_method=token, ssl_wrapper=ctx.wrap_socket)",
        "    out['token'] = 'accepted'",
        "except Exception as e:",
        "    out['token'] = str(e)",
        "print(json.dumps(out))",
      ].join("\n"),
    );
    const { stdout } = await run(PYTHON, [script, router.host, String(router.port), router.username, router.password], { timeout: 60_000 });
    const out = JSON.parse(stdout) as { resource: Record<string, unknown>; pool: unknown[]; enabled_services: string[]; token: string };
    expect(out.resource).toMatchObject({ version: "7.19.4 (stable)", "board-name": "CHR", "architecture-name": "x86_64" });
    expect(out.pool).toEqual([{ name: "staff" }]);
    expect(out.enabled_services).toContain("api-ssl");
    expect(out.token).toMatch(/invalid user name or password/);
  }, 90_000);
});

describe("Ansible community.routeros", () => {
  it("gathers facts, reads a path, and modifies one idempotently", async () => {
    const api = `hostname: 127.0.0.1\n        port: ${router.port}\n        username: ${router.username}\n        password: ${router.password}\n        tls: true\n        validate_certs: false`;
    const stdout = await runPlaybook(
      dir,
      "api",
      "[routers]\nr1 ansible_host=127.0.0.1\n",
      [
        "- hosts: routers",
        "  gather_facts: false",
        "  connection: local",
        "  tasks:",
        "    - community.routeros.api_facts:",
        `        ${api}`,
        "        gather_subset: [all]",
        "    - community.routeros.api_info:",
        `        ${api}`,
        "        path: ip service",
        "      register: services",
        "    - community.routeros.api_modify:",
        `        ${api}`,
        "        path: ip pool",
        "        data:",
        "          - name: wifi",
        "            ranges: 10.44.14.10-10.44.15.254",
        "      loop: [first, second]",
        "      register: modified",
        "    - ansible.builtin.debug:",
        "        msg: \"FACTS {{ {'hostname': ansible_net_hostname, 'version': ansible_net_version, 'model': ansible_net_model, 'interfaces': ansible_net_interfaces.keys() | list, 'services': services.result | map(attribute='name') | list, 'changed': modified.results | map(attribute='changed') | list} | to_json }}\"",
      ].join("\n"),
    );
    const facts = JSON.parse(/FACTS (\{.*\})"/.exec(stdout)![1]!.replace(/\\"/g, '"')) as Record<string, unknown>;
    expect(facts).toMatchObject({ hostname: "MikroTik", version: "7.19.4 (stable)", changed: [true, false] });
    expect(facts.interfaces).toEqual(expect.arrayContaining(["ether1", "ether5"]));
    expect(facts.services).toEqual(expect.arrayContaining(["api-ssl", "ssh", "www-ssl"]));
    expect(router.device.execute("/ip/pool/print", new Map(), ["?name=wifi"]).rows).toHaveLength(1);
  }, 180_000);
});

/** An Ansible inventory reaching the lab router's console as network_cli does a router's, with the console's login options. */
function cliInventory(): string {
  return [
    "[routers]",
    `r1 ansible_host=127.0.0.1 ansible_port=${router.sshPort}`,
    "[routers:vars]",
    "ansible_connection=ansible.netcommon.network_cli",
    "ansible_network_os=community.routeros.routeros",
    "ansible_network_cli_ssh_type=paramiko",
    `ansible_user=${router.username}+cet1024w`,
    `ansible_password=${router.password}`,
  ].join("\n");
}

describe("Ansible community.routeros.command over network_cli", () => {
  it("logs in with the console's options (user+cet1024w) and runs print commands, as against a router", async () => {
    const stdout = await runPlaybook(
      dir,
      "cli",
      cliInventory(),
      [
        "- hosts: routers",
        "  gather_facts: false",
        "  tasks:",
        "    - community.routeros.command:",
        '        commands: ["/system resource print", "/system identity print"]',
        "      register: out",
        "    - ansible.builtin.debug:",
        "        msg: \"CLI {{ out.stdout | to_json }}\"",
      ].join("\n"),
    );
    const [resource, identity] = JSON.parse(/CLI (\[.*\])"/.exec(stdout)![1]!.replace(/\\"/g, '"').replace(/\\\\n/g, "\\n")) as string[];
    expect(resource).toMatch(/^\s*version: 7\.19\.4 \(stable\)$/m);
    expect(resource).toMatch(/^\s*board-name: CHR$/m);
    expect(identity).toBe("name: MikroTik");
  }, 180_000);
});

describe("Ansible community.routeros.facts over network_cli", () => {
  it("gathers the interfaces and their addresses from print detail, as from a router", async () => {
    router.device.execute("/ip/address/add", new Map([["address", "10.38.0.225/27"], ["interface", "ether2"], ["comment", "Quản trị"]]), []);
    router.device.execute("/ipv6/address/add", new Map([["address", "2001:db8:3800:710::1/64"], ["interface", "ether2"]]), []);
    const stdout = await runPlaybook(
      dir,
      "facts",
      cliInventory(),
      [
        "- hosts: routers",
        "  gather_facts: false",
        "  tasks:",
        "    - community.routeros.facts:",
        "        gather_subset: [interfaces]",
        "    - ansible.builtin.debug:",
        "        msg: \"FACTS {{ {'v4': ansible_net_all_ipv4_addresses, 'v6': ansible_net_all_ipv6_addresses, 'ether2': ansible_net_interfaces.ether2} | to_json }}\"",
      ].join("\n"),
    );
    const facts = JSON.parse(/FACTS (\{.*\})"/.exec(stdout)![1]!.replace(/\\"/g, '"')) as { v4: string[]; v6: string[]; ether2: { ipv4?: Array<{ address: string; subnet: string }>; type?: string } };
    expect(facts.v4).toContain("10.38.0.225");
    expect(facts.v6).toContain("2001:db8:3800:710::1");
    expect(facts.ether2).toMatchObject({ type: "ether", ipv4: [{ address: "10.38.0.225", subnet: "27" }] });
  }, 180_000);
});

describe("curl on the REST API and OpenSSH", () => {
  it("curl reads menus, an entry by its name, and RouterOS's error object for a missing one", async () => {
    const base = `https://127.0.0.1:${router.restPort}/rest`;
    const auth = ["-sk", "-u", `${router.username}:${router.password}`];
    const { stdout: identity } = await run("curl", [...auth, `${base}/system/identity`]);
    expect(JSON.parse(identity)).toEqual({ name: "MikroTik" });
    const { stdout: resource } = await run("curl", [...auth, `${base}/system/resource`]);
    const { stdout: ether1 } = await run("curl", [...auth, `${base}/interface/ether1`]);
    expect(JSON.parse(ether1)).toMatchObject({ name: "ether1", type: "ether" });
    expect(JSON.parse(resource)).toMatchObject({ "board-name": "CHR" });
    const { stdout: missing } = await run("curl", [...auth, "-w", "\\n%{http_code}", `${base}/ip/pool/*FFFF`]);
    const [body, code] = missing.split("\n");
    expect(code).toBe("404");
    expect(JSON.parse(body!)).toMatchObject({ error: 404 });
  });

  it("OpenSSH runs /export with its default algorithms", async () => {
    const askpass = join(dir, "askpass.sh");
    writeFileSync(askpass, `#!/bin/sh\necho '${router.password}'\n`, { mode: 0o700 });
    const { stdout } = await run(
      "ssh",
      ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "PreferredAuthentications=password,keyboard-interactive", "-o", "PubkeyAuthentication=no", "-p", String(router.sshPort), `${router.username}@127.0.0.1`, "/export"],
      { env: { ...process.env, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: "force", DISPLAY: "none" }, timeout: 30_000 },
    );
    expect(stdout).toMatch(/^# .* by RouterOS 7\.19\.4\r?\n# software id = \r?\n#\r?\n/);
  });
});
