/** A resource's own type and name from its URN: `urn:pulumi:<stack>::<project>::<parent types$type>::<name>`. */
export interface ResourceRef {
  type: string;
  name: string;
}

export function parseUrn(urn: string): ResourceRef {
  const parts = urn.split("::");
  const types = parts[2] ?? "";
  return { type: types.slice(types.lastIndexOf("$") + 1), name: parts.slice(3).join("::") };
}
