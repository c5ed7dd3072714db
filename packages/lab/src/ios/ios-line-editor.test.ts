import { expect, it } from "vitest";
import { LineEditor, type EditorEvent } from "./ios-line-editor";

const type = (editor: LineEditor, keys: string, echo = true): EditorEvent[] => [...keys].flatMap((ch) => editor.feed(ch, echo));

it("echoes what is typed, erases with backspace and Ctrl-U, and hands over the line on Enter", () => {
  const editor = new LineEditor(() => undefined);
  expect(type(editor, "shw\x7fow\r\n")).toEqual([
    ...[..."shw"].map((text) => ({ kind: "echo", text })),
    { kind: "echo", text: "\b \b" },
    { kind: "echo", text: "o" },
    { kind: "echo", text: "w" },
    { kind: "line", text: "show" },
  ]);
  expect(type(editor, "abc\x15")).toContainEqual({ kind: "echo", text: "\b \b\b \b\b \b" });
  expect(editor.text).toBe("");
});

it("answers `?` without typing it, completes on Tab, and passes on Ctrl-C and Ctrl-Z", () => {
  const editor = new LineEditor((line) => (line === "sh" ? "show " : undefined));
  expect(type(editor, "sh?")).toContainEqual({ kind: "help", text: "sh" });
  expect(editor.text).toBe("sh");
  expect(type(editor, "\t")).toEqual([{ kind: "echo", text: "ow " }]);
  expect(editor.text).toBe("show ");
  expect(type(editor, "\x03")).toEqual([{ kind: "ctrl-c" }]);
  expect(type(editor, "vlan\x1a").at(-1)).toEqual({ kind: "ctrl-z", text: "vlan" });
});

it("does not echo a password", () => {
  const editor = new LineEditor(() => undefined);
  expect(type(editor, "secret?\r", false)).toEqual([{ kind: "line", text: "secret?" }]);
});
