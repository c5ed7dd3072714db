/**
 * The keystrokes of IOS's command line: echo of what is typed (network
 * automation reads it back), backspace, Ctrl-U (erase the line), Ctrl-C
 * (abort the line), Ctrl-Z (end configuration mode), Tab (complete a
 * unique keyword) and `?` (help, without typing the `?` into the line).
 */

export type EditorEvent =
  | { kind: "echo"; text: string }
  | { kind: "line"; text: string }
  | { kind: "help"; text: string }
  | { kind: "ctrl-z"; text: string }
  | { kind: "ctrl-c" };

export class LineEditor {
  private line = "";
  private afterCr = false;

  /** `complete(line)`: the line with its last word completed, or undefined when there is no unique completion. */
  constructor(private readonly complete: (line: string) => string | undefined) {}

  /** The line typed so far (after a help answer, IOS retypes it after the prompt). */
  get text(): string {
    return this.line;
  }

  /** Clears the line without echo, for lines that are answered by other means (a password, a dialogue). */
  reset(): void {
    this.line = "";
  }

  feed(ch: string, echo: boolean): EditorEvent[] {
    const out: EditorEvent[] = [];
    if (ch === "\n" && this.afterCr) {
      this.afterCr = false;
      return out;
    }
    this.afterCr = ch === "\r";
    if (ch === "\r" || ch === "\n") {
      const text = this.line;
      this.line = "";
      out.push({ kind: "line", text });
    } else if (ch === "\x7f" || ch === "\b") {
      if (this.line.length > 0) {
        this.line = this.line.slice(0, -1);
        if (echo) out.push({ kind: "echo", text: "\b \b" });
      }
    } else if (ch === "\x15") {
      if (echo && this.line.length > 0) out.push({ kind: "echo", text: "\b \b".repeat(this.line.length) });
      this.line = "";
    } else if (ch === "\x03") {
      this.line = "";
      out.push({ kind: "ctrl-c" });
    } else if (ch === "\x1a") {
      const text = this.line;
      this.line = "";
      out.push({ kind: "ctrl-z", text });
    } else if (ch === "\t" && echo) {
      const completed = this.complete(this.line);
      if (completed !== undefined && completed.startsWith(this.line) && completed !== this.line) {
        out.push({ kind: "echo", text: completed.slice(this.line.length) });
        this.line = completed;
      }
    } else if (ch === "?" && echo) {
      out.push({ kind: "help", text: this.line });
    } else if (ch >= " " || ch === "\t") {
      this.line += ch;
      if (echo) out.push({ kind: "echo", text: ch });
    }
    return out;
  }
}
