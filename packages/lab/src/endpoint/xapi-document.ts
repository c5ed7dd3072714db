/**
 * RoomOS xAPI XML documents (sources CS2, CS3, CS7 in docs/videoconference.md): built from
 * and read into slash paths, where a number is the `item` of the element
 * before it ("SIP/Proxy/1/Address" is `<SIP><Proxy item="1"><Address>`).
 * Rendered as the recorded answers are: `<?xml version="1.0"?>` first, one
 * element a line, children in alphabetical order (CS3).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The value of a leaf; undefined for an element with children. */
  text?: string;
}

/** A leaf at a slash path, with its value and attributes. */
export interface XmlLeaf {
  path: string;
  value: string;
  attrs?: Record<string, string>;
}

const isItem = (segment: string | undefined) => segment !== undefined && /^\d+$/.test(segment);

/**
 * The document holding `leaves`, nested in their parents under `root`.
 * `itemAttrs(element, item)` gives the attributes of a numbered element
 * ("SIP/Proxy", "1"), item first.
 */
export function documentOf(root: string, rootAttrs: Record<string, string>, leaves: readonly XmlLeaf[], itemAttrs: (element: string, item: string) => Record<string, string>): XmlElement {
  const top: XmlElement = { name: root, attrs: rootAttrs, children: [] };
  for (const leaf of leaves) {
    const parts = leaf.path.split("/");
    let node = top;
    let at = "";
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i]!;
      at = at === "" ? name : `${at}/${name}`;
      const item = isItem(parts[i + 1]) ? parts[++i]! : undefined;
      let child = node.children.find((c) => c.name === name && c.attrs.item === item);
      if (!child) {
        child = { name, attrs: item === undefined ? {} : itemAttrs(at, item), children: [] };
        node.children.push(child);
      }
      if (item !== undefined) at = `${at}/${item}`;
      node = child;
    }
    node.text = leaf.value;
    Object.assign(node.attrs, leaf.attrs);
  }
  sortChildren(top);
  return top;
}

function sortChildren(e: XmlElement): void {
  e.children.sort((a, b) => (a.name === b.name ? Number(a.attrs.item) - Number(b.attrs.item) : a.name < b.name ? -1 : 1));
  e.children.forEach(sortChildren);
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function renderElement(e: XmlElement): string {
  const open = `<${e.name}${Object.entries(e.attrs)
    .map(([k, v]) => ` ${k}="${escape(v)}"`)
    .join("")}`;
  if (e.text !== undefined) return `${open}>${escape(e.text)}</${e.name}>\n`;
  if (e.children.length === 0) return `${open}/>\n`;
  return `${open}>\n${e.children.map(renderElement).join("")}</${e.name}>\n`;
}

export function renderDocument(root: XmlElement): string {
  return `<?xml version="1.0"?>\n${renderElement(root)}`;
}

/** An element with children or none: `element("Configuration", {}, element("Success"))`. */
export function element(name: string, attrs: Record<string, string> = {}, ...children: XmlElement[]): XmlElement {
  return { name, attrs, children };
}

/** A leaf element with a value. */
export function leaf(name: string, text: string): XmlElement {
  return { name, attrs: {}, children: [], text };
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false, parseAttributeValue: false, ignoreDeclaration: true });

type OrderedNode = Record<string, unknown>;

function fromOrdered(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ":@");
  if (name === undefined || name === "#text") return undefined;
  const content = node[name] as OrderedNode[];
  const children = content.map(fromOrdered).filter((c): c is XmlElement => c !== undefined);
  const attrs = (node[":@"] ?? {}) as Record<string, string>;
  if (children.length > 0) return { name, attrs, children };
  return { name, attrs, children, text: content.map((c) => (c["#text"] === undefined ? "" : String(c["#text"]))).join("") };
}

/** The root element, or undefined when the text is not well-formed XML. */
export function parseDocument(text: string): XmlElement | undefined {
  if (text.trim() === "" || XMLValidator.validate(text) !== true) return undefined;
  const nodes = parser.parse(text) as OrderedNode[];
  return nodes.map(fromOrdered).find((e) => e !== undefined);
}

/** The leaves under `e`, by slash path from it. */
export function leavesOf(e: XmlElement, prefix = ""): XmlLeaf[] {
  return e.children.flatMap((c) => {
    const path = `${prefix}${c.name}${c.attrs.item !== undefined ? `/${c.attrs.item}` : ""}`;
    return c.text !== undefined ? [{ path, value: c.text }] : leavesOf(c, `${path}/`);
  });
}

/** "SIP/Proxy/1/Foo" under "Configuration" as the device names it in errors: "Configuration/SIP/Proxy[1]/Foo". */
export function xpathOf(root: string, path: string): string {
  return [root, ...path.split("/")].reduce((xpath, segment) => (isItem(segment) ? `${xpath}[${segment}]` : `${xpath}/${segment}`));
}
