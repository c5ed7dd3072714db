/**
 * xAPI documents: a configuration tree written as RoomOS XML (numbered
 * items as `item="1"` attributes) and values read back from it.
 */
import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, trimValues: false, textNodeName: "#text" });

export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text) as Record<string, unknown>;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface Node {
  children: Map<string, Node>;
  value?: string;
}

/** `{ "SIP/Proxy/1/Address": "x" }` → `<Configuration><SIP><Proxy item="1"><Address>x</Address></Proxy></SIP></Configuration>` */
export function configurationXml(values: Readonly<Record<string, string>>): string {
  const root: Node = { children: new Map() };
  for (const [path, value] of Object.entries(values)) {
    let node = root;
    const parts = path.split("/");
    for (let i = 0; i < parts.length; i++) {
      // A number qualifies the element before it: Proxy/1 is <Proxy item="1">.
      const key = /^\d+$/.test(parts[i + 1] ?? "") ? `${parts[i]}#${parts[++i]}` : parts[i]!;
      if (!node.children.has(key)) node.children.set(key, { children: new Map() });
      node = node.children.get(key)!;
    }
    node.value = value;
  }
  const render = (name: string, node: Node): string => {
    const [tag, item] = name.split("#");
    const open = item ? `<${tag} item="${item}">` : `<${tag}>`;
    const inner = node.value !== undefined ? escape(node.value) : [...node.children].map(([k, v]) => render(k, v)).join("");
    return `${open}${inner}</${tag}>`;
  };
  return render("Configuration", root);
}

/** The text at `path` (numbered items as numbers) under `root`, or undefined. */
export function valueAt(root: unknown, path: string): string | undefined {
  let node: unknown = root;
  const parts = path.split("/");
  for (let i = 0; i < parts.length; i++) {
    if (typeof node !== "object" || node === null) return undefined;
    let child: unknown = (node as Record<string, unknown>)[parts[i]!];
    if (/^\d+$/.test(parts[i + 1] ?? "")) {
      const item = parts[++i];
      const list = Array.isArray(child) ? child : [child];
      child = list.find((c) => typeof c === "object" && c !== null && String((c as Record<string, unknown>)["@item"]) === item);
    }
    node = child;
  }
  if (node === undefined || node === null) return undefined;
  if (typeof node === "object") {
    const text = (node as Record<string, unknown>)["#text"];
    return text === undefined ? "" : String(text);
  }
  return String(node);
}

/** The elements marked `error="True"` under `root`, as `{ path, text }` (RoomOS's answer to a value outside its value space). */
export function errorsIn(root: unknown, prefix = ""): Array<{ path: string; text: string }> {
  if (typeof root !== "object" || root === null) return [];
  const out: Array<{ path: string; text: string }> = [];
  for (const [key, child] of Object.entries(root as Record<string, unknown>)) {
    if (key.startsWith("@") || key === "#text") continue;
    for (const node of Array.isArray(child) ? child : [child]) {
      const item = typeof node === "object" && node !== null ? (node as Record<string, unknown>)["@item"] : undefined;
      const path = `${prefix}${prefix ? "/" : ""}${key}${item !== undefined ? `/${String(item)}` : ""}`;
      if (typeof node === "object" && node !== null && String((node as Record<string, unknown>)["@error"]) === "True") out.push({ path, text: String((node as Record<string, unknown>)["#text"] ?? "").trim() });
      else out.push(...errorsIn(node, path));
    }
  }
  return out;
}

/** Every element at `path` (a repeated item comes as a list). */
export function elementsAt(root: unknown, path: string): unknown[] {
  let nodes: unknown[] = [root];
  for (const part of path.split("/")) {
    nodes = nodes.flatMap((n) => (typeof n === "object" && n !== null ? [(n as Record<string, unknown>)[part]].flat() : [])).filter((n) => n !== undefined);
  }
  return nodes;
}
