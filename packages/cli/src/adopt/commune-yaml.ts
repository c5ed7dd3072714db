/**
 * A commune document as the YAML file engineers keep: the schema line for
 * their editor, a header saying where it came from, and the short mappings
 * (port roles, addresses) on one line each as in the examples.
 */
import { Document, isMap, isSeq, visit } from "yaml";
import type { Commune } from "@communes/inventory";

/** `schemaPath`: commune.schema.json relative to the file's directory. */
export function communeYaml(document: Commune, schemaPath: string): string {
  const doc = new Document(document);
  visit(doc, {
    Pair(_, pair) {
      const key = String((pair.key as { value?: unknown })?.value ?? "");
      if (["management", "address", "sip", "h323"].includes(key) && isMap(pair.value)) pair.value.flow = true;
      if (["ports", "mergedFrom", "dns", "ntp"].includes(key) && isSeq(pair.value)) {
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
        if (key !== "ports") pair.value.flow = true;
      }
    },
  });
  const title = `${document.kind === "xã" ? "Xã" : "Phường"} ${document.name}`;
  return [
    `# yaml-language-server: $schema=${schemaPath}`,
    `# ${title}. Written by communes adopt from the office's devices; review before committing.`,
    "",
    doc.toString({ lineWidth: 0, flowCollectionPadding: true }),
  ].join("\n");
}
