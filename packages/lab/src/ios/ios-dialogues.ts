/**
 * The commands of IOS that ask before they act: `copy running-config
 * startup-config` asks for the destination, `reload` asks to save a
 * modified configuration and then to confirm. The lab answers the
 * dialogue as IOS does and then refuses the reload itself: an emulator
 * that went away would leave its tests and tools hanging, and a lab that
 * silently did nothing would lie. The refusal starts with `%`, as IOS's
 * errors do, so tools see a failed command.
 */
import { showRunningConfig } from "./ios-show";
import { cloneConfig } from "./ios-state";
import type { IosSwitch } from "./ios-cli";

/** A question IOS asks; `answer` gets the line typed back and returns what IOS prints next, or a further question. */
export interface Dialogue {
  /** Printed before the question. */
  output?: string;
  prompt: string;
  answer(sw: IosSwitch, text: string): string | Dialogue;
}

export const SAVED = "Building configuration...\n[OK]\n";

export function saveRunning(sw: IosSwitch): string {
  sw.startup = cloneConfig(sw.running);
  return SAVED;
}

export function copyRunningToStartup(): Dialogue {
  return {
    prompt: "Destination filename [startup-config]? ",
    answer: (sw, text) => {
      const name = text.trim();
      if (name === "" || name === "startup-config") return saveRunning(sw);
      return `%Error opening flash:${name} (Permission denied)\n`;
    },
  };
}

export const RELOAD_REFUSED =
  "% Reload refused: this is a lab switch; it keeps running with its running configuration (restart the lab to boot it from its startup configuration).\n";

function confirmReload(output?: string): Dialogue {
  return {
    ...(output ? { output } : {}),
    prompt: "Proceed with reload? [confirm]",
    answer: (_sw, text) => (text.trim() === "" || /^y(es?)?$/i.test(text.trim()) ? RELOAD_REFUSED : ""),
  };
}

function askToSave(output?: string): Dialogue {
  return {
    ...(output ? { output } : {}),
    prompt: "System configuration has been modified. Save? [yes/no]: ",
    answer: (sw, text) => {
      const word = text.trim().toLowerCase();
      if (word !== "" && "yes".startsWith(word)) return confirmReload(saveRunning(sw));
      if (word !== "" && "no".startsWith(word)) return confirmReload();
      return askToSave("% Please answer 'yes' or 'no'.\n");
    },
  };
}

export function reload(sw: IosSwitch): Dialogue {
  return showRunningConfig(sw.running) === showRunningConfig(sw.startup) ? confirmReload() : askToSave();
}
