/**
 * `show version`, `show inventory`, `show clock` and `show privilege` in a
 * Catalyst 2960-X's IOS 15.2 layouts (captures in test/fixtures/ios-captures/).
 */
import { IOS_VERSION, macAddress, MODEL, PORTS, SERIAL, mediaOf } from "./ios-hardware";

const pad = (text: string, width: number) => text.padEnd(width);

/** IOS's uptime wording: `3 weeks, 2 days, 4 hours, 11 minutes`, `1 minute`. */
export function formatUptime(seconds: number): string {
  const units: Array<[string, number]> = [["year", 52 * 7 * 86400], ["week", 7 * 86400], ["day", 86400], ["hour", 3600], ["minute", 60]];
  const parts: string[] = [];
  let rest = Math.max(0, Math.floor(seconds));
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? "" : "s"}`);
  }
  return parts.length > 0 ? parts.join(", ") : "0 minutes";
}

export function showVersion(hostname: string, uptimeSeconds: number, sviCount: number): string {
  const gigabit = PORTS.filter((p) => mediaOf(p) !== "management").length;
  const field = (name: string, value: string) => `${pad(name, 32)}: ${value}`;
  return [
    `Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version ${IOS_VERSION}, RELEASE SOFTWARE (fc2)`,
    "Technical Support: http://www.cisco.com/techsupport",
    "Copyright (c) 1986-2022 by Cisco Systems, Inc.",
    "Compiled Thu 10-Mar-22 07:12 by prod_rel_team",
    "",
    "ROM: Bootstrap program is C2960X boot loader",
    "BOOTLDR: C2960X Boot Loader (C2960X-HBOOT-M) Version 15.2(7r)E2, RELEASE SOFTWARE (fc1)",
    "",
    `${hostname} uptime is ${formatUptime(uptimeSeconds)}`,
    "System returned to ROM by power-on",
    "System image file is \"flash:c2960x-universalk9-mz.152-7.E8.bin\"",
    "Last reload reason: power-on",
    "",
    "",
    "",
    "This product contains cryptographic features and is subject to United",
    "States and local country laws governing import, export, transfer and",
    "use. Delivery of Cisco cryptographic products does not imply",
    "third-party authority to import, export, distribute or use encryption.",
    "Importers, exporters, distributors and users are responsible for",
    "compliance with U.S. and local country laws. By using this product you",
    "agree to comply with applicable laws and regulations. If you are unable",
    "to comply with U.S. and local laws, return this product immediately.",
    "",
    "A summary of U.S. laws governing Cisco cryptographic products may be found at:",
    "http://www.cisco.com/wwl/export/crypto/tool/stqrg.html",
    "",
    "If you require further assistance please contact us by sending email to",
    "export@cisco.com.",
    "",
    `cisco ${MODEL} (APM86XXX) processor (revision D0) with 524288K bytes of memory.`,
    `Processor board ID ${SERIAL}`,
    "Last reset from power-on",
    `${sviCount} Virtual Ethernet interface${sviCount === 1 ? "" : "s"}`,
    "1 FastEthernet interface",
    `${gigabit} Gigabit Ethernet interfaces`,
    "The password-recovery mechanism is enabled.",
    "",
    "512K bytes of flash-simulated non-volatile configuration memory.",
    field("Base ethernet MAC Address", macAddress(0, "colon")),
    field("Motherboard assembly number", "73-15800-08"),
    field("Power supply part number", "341-0527-02"),
    field("Motherboard serial number", "FOC19380XYZ"),
    field("Power supply serial number", "ALD1938A0BC"),
    field("Model revision number", "D0"),
    field("Motherboard revision number", "A0"),
    field("Model number", MODEL),
    field("System serial number", SERIAL),
    field("Top Assembly Part Number", "800-41409-04"),
    field("Top Assembly Revision Number", "D0"),
    field("Version ID", "V02"),
    field("CLEI Code Number", "CMMPP00DRB"),
    field("Hardware Board Revision Number", "0x14"),
    "",
    "",
    `${pad("Switch Ports Model", 39)}${pad("SW Version", 22)}${pad("SW Image", 25)}`,
    `${pad("------ ----- -----", 39)}${pad("----------", 22)}${pad("----------", 25)}`,
    `*    1 ${pad(String(gigabit), 6)}${pad(MODEL, 26)}${pad(IOS_VERSION, 22)}${pad("C2960X-UNIVERSALK9-M", 25)}`,
    "",
    "",
    "Configuration register is 0xF",
    "",
  ].join("\n");
}

export function showInventory(): string {
  return [
    `NAME: "1", DESCR: "${MODEL}"`,
    `PID: ${pad(MODEL, 18)}, VID: V02  , SN: ${SERIAL}`,
    "",
    "",
  ].join("\n");
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `*18:57:38.347 UTC Mon Oct 19 2015`: the star says the time is not authoritative (no NTP in the lab). */
export function showClock(now: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const time = `${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}.${String(now.getUTCMilliseconds()).padStart(3, "0")}`;
  return `*${time} UTC ${DAYS[now.getUTCDay()]} ${MONTHS[now.getUTCMonth()]} ${now.getUTCDate()} ${now.getUTCFullYear()}\n`;
}

export function showPrivilege(privileged: boolean): string {
  return `Current privilege level is ${privileged ? 15 : 1}\n`;
}
