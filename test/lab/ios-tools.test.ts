/**
 * The lab switch driven by the tools engineers use on real IOS switches, as
 * Debian bookworm packages them (installed by scripts/test-tools.sh, which
 * `npm test` runs first): netmiko's cisco_ios driver and Ansible's cisco.ios
 * collection over ansible.netcommon.network_cli (paramiko: Debian has no
 * ansible-pylibssh). A missing tool fails these tests; it never skips them.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startLabSwitch, type LabSwitch } from "@communes/lab";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PYTHON, requireTools, run, runPlaybook } from "../harness/debian-tools";

let lab: LabSwitch;
let dir: string;
beforeAll(async () => {
  dir = await requireTools("netmiko", "ios-tools-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("netmiko cisco_ios", () => {
  beforeAll(async () => {
    lab = await startLabSwitch({ hostname: "sw-netmiko", enableSecret: "en-secret" });
  });
  afterAll(() => lab.close());

  it("connects, enables, shows, configures a VLAN and saves", async () => {
    const script = join(dir, "netmiko-run.py");
    writeFileSync(
      script,
      [
        "import json, sys",
        "from netmiko import ConnectHandler",
        "c = ConnectHandler(device_type='cisco_ios', host=sys.argv[1], port=int(sys.argv[2]), username=sys.argv[3], password=sys.argv[4], secret=sys.argv[5])",
        "out = {'prompt': c.find_prompt()}",
        "c.enable()",
        "out['enabled'] = c.check_enable_mode()",
        "out['version'] = c.send_command('show version')",
        "out['vlans'] = c.send_command('show vlan brief')",
        "out['config'] = c.send_config_set(['vlan 99', 'name test'])",
        "out['save'] = c.save_config()",
        "c.disconnect()",
        "print(json.dumps(out))",
      ].join("\n"),
    );
    const { stdout } = await run(PYTHON, [script, lab.host, String(lab.port), lab.username, lab.password, lab.enableSecret!], { timeout: 90_000 });
    const out = JSON.parse(stdout) as Record<string, string | boolean>;
    expect(out.prompt).toBe("sw-netmiko>");
    expect(out.enabled).toBe(true);
    expect(out.version).toContain("Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8");
    expect(out.version).toMatch(/^\*    1 28    WS-C2960X-24TS-L\s+15\.2\(7\)E8\s+C2960X-UNIVERSALK9-M/m);
    expect(out.vlans).toMatch(/^1    default                          active    Gi1\/0\/1, Gi1\/0\/2, Gi1\/0\/3, Gi1\/0\/4$/m);
    expect(out.config).toContain("sw-netmiko(config-vlan)#name test");
    expect(out.save).toContain("[OK]");
    expect(lab.server.device.running.vlans.get(99)).toBe("test");
    expect(lab.server.device.startup.vlans.get(99)).toBe("test");
    expect(lab.server.commands).toEqual(expect.arrayContaining(["terminal length 0", "terminal width 511", "config term", "end", "write mem"]));
  }, 120_000);
});

describe("Ansible cisco.ios over network_cli", () => {
  beforeAll(async () => {
    lab = await startLabSwitch({ hostname: "sw-ansible", enableSecret: "en-secret" });
  });
  afterAll(() => lab.close());

  it("gathers facts and merges a VLAN and an access port", async () => {
    const inventory = [
      "[switches]",
      `sw-ansible ansible_host=${lab.host} ansible_port=${lab.port}`,
      "",
      "[switches:vars]",
      "ansible_connection=ansible.netcommon.network_cli",
      "ansible_network_os=cisco.ios.ios",
      "ansible_network_cli_ssh_type=paramiko",
      `ansible_user=${lab.username}`,
      `ansible_password=${lab.password}`,
      "ansible_become=true",
      "ansible_become_method=enable",
      `ansible_become_password=${lab.enableSecret}`,
      "",
    ].join("\n");
    const factsFile = join(dir, "facts.json");
    const stdout = await runPlaybook(
      dir,
      "ios",
      inventory,
      `- hosts: switches
  gather_facts: false
  tasks:
    - cisco.ios.ios_facts:
        gather_subset: all
        gather_network_resources: [vlans, l2_interfaces, interfaces]
      register: facts
    - copy: {content: "{{ facts | to_nice_json }}", dest: ${factsFile}}
      delegate_to: localhost
    - cisco.ios.ios_vlans:
        state: merged
        config: [{vlan_id: 77, name: ansible-vlan}]
    - cisco.ios.ios_l2_interfaces:
        state: merged
        config: [{name: GigabitEthernet1/0/5, mode: access, access: {vlan: 77}}]
`,
    );
    expect(stdout).toMatch(/sw-ansible\s+: ok=4\s+changed=3\s+unreachable=0\s+failed=0/);

    const facts = (JSON.parse(readFileSync(factsFile, "utf8")) as { ansible_facts: Record<string, unknown> }).ansible_facts;
    expect(facts.ansible_net_model).toBe("WS-C2960X-24TS-L");
    expect(facts.ansible_net_version).toBe("15.2(7)E8");
    expect(facts.ansible_net_hostname).toBe("sw-ansible");
    expect(facts.ansible_net_serialnum).toMatch(/^FOC/);
    const interfaces = facts.ansible_net_interfaces as Record<string, { macaddress: string; mediatype: string }>;
    expect(Object.keys(interfaces)).toEqual(expect.arrayContaining(["Vlan1", "GigabitEthernet1/0/1", "GigabitEthernet1/0/28", "FastEthernet0"]));
    expect(interfaces["GigabitEthernet1/0/1"]!.mediatype).toBe("10/100/1000BaseTX");
    expect(facts.ansible_net_neighbors).toEqual({});
    const resources = facts.ansible_network_resources as { vlans: Array<{ vlan_id: number; name: string }>; l2_interfaces: Array<{ name: string }> };
    expect(resources.vlans).toContainEqual(expect.objectContaining({ vlan_id: 1, name: "default" }));
    expect(resources.l2_interfaces.map((i) => i.name)).toContain("GigabitEthernet1/0/24");

    const device = lab.server.device.running;
    expect(device.vlans.get(77)).toBe("ansible-vlan");
    expect(device.ports.get("GigabitEthernet1/0/5")).toMatchObject({ mode: "access", accessVlan: 77 });
    expect(lab.server.commands).toEqual(expect.arrayContaining(["terminal length 0", "terminal width 512", "show privilege", "show running-config | section ^interface", "show vlan"]));
  }, 300_000);
});
