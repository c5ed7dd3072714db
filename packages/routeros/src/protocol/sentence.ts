/** Reply sentences: `!re`, `!done`, `!trap`, `!fatal` and, from RouterOS 7.18, `!empty`. */

export type ReplyType = "!re" | "!done" | "!trap" | "!fatal" | "!empty";

export interface Reply {
  type: ReplyType;
  /** The `.tag` of the command it answers, if the command had one. */
  tag?: string;
  /** `=name=value` attribute words (and `=ret=` of `!done`). */
  attributes: Record<string, string>;
  /** `!fatal` carries its reason as a bare word, not an attribute. */
  text?: string;
}

const REPLY_TYPES: ReadonlySet<string> = new Set(["!re", "!done", "!trap", "!fatal", "!empty"]);

export function parseReply(words: readonly string[]): Reply {
  const [type, ...rest] = words;
  if (!type || !REPLY_TYPES.has(type)) throw new Error(`not a reply sentence: ${JSON.stringify(words)}`);
  const reply: Reply = { type: type as ReplyType, attributes: {} };
  for (const word of rest) {
    if (word.startsWith(".tag=")) reply.tag = word.slice(5);
    else if (word.startsWith("=")) {
      const eq = word.indexOf("=", 1);
      if (eq < 0) reply.attributes[word.slice(1)] = "";
      else reply.attributes[word.slice(1, eq)] = word.slice(eq + 1);
    } else reply.text = reply.text === undefined ? word : `${reply.text}\n${word}`;
  }
  return reply;
}

/** `=name=value` */
export function attributeWord(name: string, value: string): string {
  return `=${name}=${value}`;
}

/** Trap categories as RouterOS documents them. */
export const TRAP_CATEGORIES: Record<number, string> = {
  0: "missing item or command",
  1: "argument value failure",
  2: "execution of command interrupted",
  3: "scripting related failure",
  4: "general failure",
  5: "API related failure",
  6: "TTY related failure",
  7: "value generated with :return command",
};
