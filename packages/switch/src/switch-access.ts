/**
 * How to reach a switch's CLI — address, pinned SSH host key, credentials,
 * the SSH algorithms its model family needs — and the one factory that
 * opens a session with it. The one type for a switch's reach: the provider
 * and `adopt` use it.
 */
import { CliSession } from "./cli-session";
import type { Dialect } from "./dialect";
import { IOS } from "./ios/dialect";

export interface SwitchAccess {
  host: string;
  /** Default 22. */
  port?: number;
  username: string;
  password: string;
  /** Privileged-mode password, when the account does not log in privileged. */
  enableSecret?: string;
  /** `SHA256:…` as `ssh-keygen -lf` prints it. */
  hostKeyFingerprint: string;
  /** Time for one command's answer. Default: 20000. */
  timeoutMs?: number;
  /** SHA-1 SSH algorithms offered after the modern ones, because the switch's model family offers nothing better (sshFamilyOf). Default: none. */
  legacyAlgorithms?: readonly string[];
}

/** A privileged CLI session with the switch named `device` (its host name, for messages). */
export function openSwitch(device: string, access: SwitchAccess, dialect: Dialect = IOS): Promise<CliSession> {
  return CliSession.open({ device, ...access }, dialect);
}
