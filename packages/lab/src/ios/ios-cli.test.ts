import { expect, it } from "vitest";
import { answerDialogue, completeLine, helpFor, newSession, promptFor, runLine, type IosSwitch } from "./ios-cli";
import { cloneConfig, factoryConfig } from "./ios-state";

function device(): IosSwitch {
  const running = factoryConfig("sw1");
  return { running, startup: cloneConfig(running) };
}
const privileged = () => Object.assign(newSession(), { mode: "privileged" as const });

it("answers an ambiguous abbreviation, an unknown word and an unfinished command as IOS does", () => {
  const sw = device();
  const s = privileged();
  expect(runLine(sw, s, "show s", "sw1#").output).toBe('% Ambiguous command:  "show s"\n');
  expect(runLine(sw, s, "show frobnicate", "sw1#").output).toBe(`${" ".repeat(9)}^\n% Invalid input detected at '^' marker.\n\n`);
  // A keyword IOS has and the lab does not implement is refused like an unknown one.
  expect(runLine(sw, s, "show ntp status", "sw1#").output).toBe(`${" ".repeat(9)}^\n% Invalid input detected at '^' marker.\n\n`);
  expect(runLine(sw, s, "show", "sw1#").output).toBe("% Incomplete command.\n\n");
  expect(runLine(sw, s, "sh priv", "sw1#").output).toBe("Current privilege level is 15\n");
  expect(runLine(sw, newSession(), "sh priv", "sw1>").output).toBe("Current privilege level is 1\n");
});

it("filters after any abbreviation", () => {
  const sw = device();
  expect(runLine(sw, privileged(), "sh run | i ^hostname", "sw1#").output).toBe("hostname sw1\n");
  expect(runLine(sw, privileged(), "sh ru | sec FastEthernet", "sw1#").output).toBe("interface FastEthernet0\n no ip address\n");
  expect(runLine(sw, privileged(), "sh ver | co uptime", "sw1#").output).toBe("Number of lines which match regexp = 1\n");
  expect(runLine(sw, privileged(), "conf t | i x", "sw1#").output).toBe(`${" ".repeat(11)}^\n% Invalid input detected at '^' marker.\n\n`);
});

it("saves on `write`, asks for the destination on `copy`", () => {
  const sw = device();
  const s = privileged();
  sw.running.hostname = "changed";
  expect(runLine(sw, s, "wr", "sw1#").output).toBe("Building configuration...\n[OK]\n");
  expect(sw.startup.hostname).toBe("changed");
  sw.running.hostname = "again";
  const copy = runLine(sw, s, "copy run start", "sw1#");
  expect(copy.ask?.prompt).toBe("Destination filename [startup-config]? ");
  expect(sw.startup.hostname).toBe("changed");
  expect(answerDialogue(sw, copy.ask!, "").output).toBe("Building configuration...\n[OK]\n");
  expect(sw.startup.hostname).toBe("again");
});

it("walks the reload dialogue, then refuses to reload; refuses reload in user exec", () => {
  const sw = device();
  sw.running.hostname = "modified";
  const first = runLine(sw, privileged(), "reload", "sw1#");
  expect(first.ask?.prompt).toBe("System configuration has been modified. Save? [yes/no]: ");
  const again = answerDialogue(sw, first.ask!, "maybe");
  expect(again.output).toBe("% Please answer 'yes' or 'no'.\n");
  const confirm = answerDialogue(sw, again.ask!, "yes");
  expect(confirm.output).toBe("Building configuration...\n[OK]\n");
  expect(confirm.ask?.prompt).toBe("Proceed with reload? [confirm]");
  const refused = answerDialogue(sw, confirm.ask!, "");
  expect(refused).toMatchObject({ error: true, output: expect.stringMatching(/^% Reload refused/) });
  expect(answerDialogue(sw, confirm.ask!, "n").output).toBe("");
  expect(runLine(sw, privileged(), "reload", "sw1#").ask?.prompt).toBe("Proceed with reload? [confirm]");
  expect(runLine(sw, newSession(), "reload", "sw1>").output).toBe("% Unknown command or computer name, or unable to find computer address\n");
});

it("lists help for `?` and completes on Tab", () => {
  const s = privileged();
  expect(helpFor(s, "sh")).toBe("show  \n\n");
  expect(helpFor(s, "show s")).toMatch(/^sdm  sessions  snmp  spanning-tree  ssh  startup-config  storm-control  switch  system  \n\n$/);
  expect(helpFor(s, "show vlan ")).toBe("  brief\n  |      Output modifiers\n  <cr>\n\n");
  expect(helpFor(s, "")).toMatch(/^Exec commands:\n  access-enable +Create a temporary Access-List entry\n/);
  expect(completeLine(s, "sh")).toBe("show ");
  expect(completeLine(s, "show run")).toBe("show running-config ");
  expect(completeLine(s, "show s")).toBeUndefined();
});

it("shows the range prompt in `interface range`", () => {
  const sw = device();
  const s = Object.assign(newSession(), { mode: "config" as const });
  runLine(sw, s, "interface range gi1/0/1 - 4", "sw1(config)#");
  expect(promptFor(sw, s)).toBe("sw1(config-if-range)#");
  runLine(sw, s, "interface gi1/0/5", "sw1(config-if-range)#");
  expect(promptFor(sw, s)).toBe("sw1(config-if)#");
  expect(runLine(sw, s, "interface fa0", "sw1(config-if)#").output).toBe("");
  expect(runLine(sw, s, "switchport mode access", "sw1(config-if)#").output).toMatch(/% Invalid input detected/);
});

it("keeps syslog servers as `logging host` lines, once each, and removes them with `no`", () => {
  const sw = device();
  const s = Object.assign(newSession(), { mode: "config" as const });
  for (const line of ["logging host 172.16.2.10", "logging host 172.16.2.11", "logging host 172.16.2.10"]) expect(runLine(sw, s, line, "sw1(config)#").output).toBe("");
  const hosts = () => runLine(sw, privileged(), "show running-config | include ^logging", "sw1#").output;
  expect(hosts()).toBe("logging host 172.16.2.10\nlogging host 172.16.2.11\n");
  expect(runLine(sw, s, "no logging host 172.16.2.10", "sw1(config)#").output).toBe("");
  expect(hosts()).toBe("logging host 172.16.2.11\n");
});
