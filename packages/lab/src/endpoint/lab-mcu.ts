/**
 * The lab MCU the emulated endpoints register with, and the decision both
 * emulators make: registered only when the endpoint points at the MCU's
 * registrar or gatekeeper and, for SIP, authenticates with a user and
 * password the MCU knows.
 */

/** What the lab MCU accepts. */
export interface LabMcu {
  registrar: string;
  gatekeeper: string;
  /** SIP credentials it accepts: authentication user name (e.g. "ubnd-thieu-trung") → password. */
  sipUsers: Record<string, string>;
}

/** The SIP authentication user: the account name, or when that is empty the user part of the SIP address. */
export function sipAuthUser(accountName: string, address: string): string {
  return accountName !== "" ? accountName : address.replace(/^sips?:/i, "").split("@")[0]!;
}

export interface SipAccount {
  enabled: boolean;
  /** The registrar the endpoint uses; "" for none. */
  registrar: string;
  authUser: string;
  password: string;
}

export type SipOutcome = "off" | "no-registrar" | "unreachable" | "unauthorized" | "registered";

export function sipOutcome(mcu: LabMcu, account: SipAccount): SipOutcome {
  if (!account.enabled) return "off";
  if (account.registrar === "") return "no-registrar";
  if (account.registrar !== mcu.registrar) return "unreachable";
  return Object.hasOwn(mcu.sipUsers, account.authUser) && mcu.sipUsers[account.authUser] === account.password ? "registered" : "unauthorized";
}

export type GatekeeperOutcome = "off" | "no-gatekeeper" | "unreachable" | "registered";

/** `address`: the gatekeeper the endpoint is set to use; "" for none. */
export function gatekeeperOutcome(mcu: LabMcu, enabled: boolean, address: string): GatekeeperOutcome {
  if (!enabled) return "off";
  if (address === "") return "no-gatekeeper";
  return address === mcu.gatekeeper ? "registered" : "unreachable";
}
