/** Cisco IOS / IOS-XE access switches. */
import type { Dialect } from "../dialect";

export const IOS: Dialect = {
  name: "ios",
  prompt: /(^|\n)[\w.-]+(\([\w-]+\))?[>#]\s*$/,
  userPrompt: /(^|\n)[\w.-]+>\s*$/,
  privilegedPrompt: /(^|\n)[\w.-]+#\s*$/,
  configPrompt: /(^|\n)[\w.-]+\(config[\w-]*\)#\s*$/,
  pagingOff: "terminal length 0",
  enable: { command: "enable", passwordPrompt: /Password:\s*$/, refused: /% (Access denied|Bad secrets)/ },
  configure: "configure terminal",
  endConfigure: "end",
  save: { command: "write memory", ok: /\[OK\]/ },
  showConfig: "show running-config",
  showVlans: "show vlan brief",
  errors: [/% Invalid input detected at '\^' marker\./, /% Incomplete command\./, /% Ambiguous command/, /% Unknown command/, /%\s*Command rejected/, /% Bad /],
  exit: "exit",
};
