/**
 * The switch driver contract: what the provider needs of a switch family —
 * its CLI dialect, how to read a switch into the state's form over an open
 * session, and the configuration lines that turn one state into another.
 * A second family is a new dialect and a new driver; it must pass the
 * conformance suite the IOS driver passes (test/switch/driver-conformance.ts),
 * against its lab and against recorded sessions of its devices.
 */
import type { CliSession } from "./cli-session";
import type { Dialect } from "./dialect";
import type { SwitchState } from "./switch-state";

export interface SwitchDriver {
  readonly dialect: Dialect;
  /** What the switch holds, in the state's form, for the ports and management VLAN `like` declares. */
  read(session: CliSession, like: SwitchState): Promise<SwitchState>;
  /** The configuration lines that make `have` into `want`, in the order they must be sent; none when they agree. */
  plan(have: SwitchState, want: SwitchState): string[];
}
