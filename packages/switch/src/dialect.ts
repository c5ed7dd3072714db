/**
 * What a CLI dialect is, as data (the scrapli model): its prompts, how to
 * turn paging off and reach privileged and configuration modes, how it says
 * a command failed, and how it saves. A second dialect is a new table and a
 * parser, not a new session.
 */
export interface Dialect {
  name: string;
  /** Any prompt, at the end of the output. */
  prompt: RegExp;
  /** The user (unprivileged) prompt. */
  userPrompt: RegExp;
  /** Privileged, not configuring. */
  privilegedPrompt: RegExp;
  /** Inside configuration mode. */
  configPrompt: RegExp;
  pagingOff: string;
  enable: { command: string; passwordPrompt: RegExp; refused: RegExp };
  configure: string;
  endConfigure: string;
  save: { command: string; ok: RegExp };
  showConfig: string;
  /** The VLAN table, for VLANs the configuration does not list (an IOS switch that is not VTP transparent). */
  showVlans: string;
  /** Output that means the command was refused. */
  errors: readonly RegExp[];
  exit: string;
}
