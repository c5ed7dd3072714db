/**
 * A YAML file parsed with the positions of every node, so later stages can
 * point at file:line:column for any property path.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { formatPath, type Diagnostic, type PropertyPath } from "../diagnostic";

export interface YamlFile {
  /** The path as given by the user. */
  file: string;
  /** The plain data, or undefined when the file could not be parsed. */
  data: unknown;
  /** Syntax errors, duplicate keys and the like. */
  diagnostics: Diagnostic[];
  /** Line and column of the node at `path`; the key's position with `at: "key"`. */
  locate(path: PropertyPath, at?: "key" | "value"): { line: number; col: number };
  /** A diagnostic at `path`. */
  diagnostic(path: PropertyPath, message: string, at?: "key" | "value"): Diagnostic;
}

function child(node: Node | null | undefined, key: string | number): { key?: Node; value?: Node } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
    if (!pair) return undefined;
    return { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined };
  }
  if (isSeq(node) && typeof key === "number") {
    const item = node.items[key];
    return item ? { value: item as Node } : undefined;
  }
  return undefined;
}

export function parseYaml(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };

  const locate = (path: PropertyPath, at: "key" | "value" = "value") => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let best = node?.range ? position(node.range[0]) : { line: 1, col: 1 };
    for (let i = 0; i < path.length; i++) {
      const found = child(node, path[i]!);
      if (!found) return best;
      const last = i === path.length - 1;
      const target = last && at === "key" && found.key ? found.key : (found.value ?? found.key);
      if (target?.range) best = position(target.range[0]);
      node = found.value;
    }
    return best;
  };

  const diagnostic = (path: PropertyPath, message: string, at: "key" | "value" = "value"): Diagnostic => ({
    file,
    ...locate(path, at),
    path: formatPath(path),
    message,
  });

  const problems = [...doc.errors, ...doc.warnings];
  // A key whose value runs onto the next line is nearly always that line
  // indented too far (or a ':' missing): one error, at that line, saying so,
  // instead of the parser's two about the line above.
  const multiline = problems.filter((err) => err.code === "MULTILINE_IMPLICIT_KEY");
  const diagnostics: Diagnostic[] = [
    ...multiline.map((err) => {
      const first = position(err.pos[0]).line;
      const line = position(err.pos[1]).line;
      const indent = /^[ \t]*/.exec(text.split(/\r?\n/)[line - 1] ?? "")![0].length;
      return {
        file,
        line,
        col: indent + 1,
        path: "",
        message: `YAML syntax error: YAML reads lines ${first}-${line} as one key: is this line indented more than the keys above it, or is a ':' missing on line ${first}?`,
      };
    }),
    ...problems
      .filter((err) => !multiline.some((m) => m.pos[0] === err.pos[0]))
      .map((err) => ({ file, ...position(err.pos[0]), path: "", message: yamlMessage(err.code, err.message) })),
  ];
  const data = doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
  return { file, data, diagnostics, locate, diagnostic };
}

/** yaml's messages are good but carry the excerpt and position already shown by us. */
function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  if (code === "DUPLICATE_KEY") return `${first}: each key may appear only once in a mapping`;
  return `YAML syntax error: ${first}`;
}
