/**
 * The provider's Pulumi package schema, as `pulumi package get-schema`
 * prints it: generated from the shapes each registered resource type
 * carries (shapes/*-shapes.ts) and from the provider's configuration, so it
 * cannot say other than what the types check and record.
 */
import type { AnyResourceType } from "./resource-type";
import type { ObjectShape } from "./shapes/object-shape";
import type { PropertySpec, TypeSpec } from "./shapes/shape";

interface ResourceSpec {
  description: string;
  inputProperties: Record<string, PropertySpec>;
  requiredInputs: string[];
  properties: Record<string, PropertySpec>;
  required: string[];
}

export interface PackageSchema {
  name: string;
  version: string;
  description: string;
  config: { variables: Record<string, PropertySpec> };
  provider: { description: string; inputProperties: Record<string, PropertySpec> };
  types: Record<string, TypeSpec>;
  resources: Record<string, ResourceSpec>;
}

export interface SchemaSource {
  name: string;
  version: string;
  types: readonly AnyResourceType[];
  /** The provider's configuration keys. */
  config: ObjectShape<object>;
}

export function packageSchema(source: SchemaSource): PackageSchema {
  const types: Record<string, TypeSpec> = { ...source.config.types };
  const resources: Record<string, ResourceSpec> = {};
  for (const type of [...source.types].sort((a, b) => a.token.localeCompare(b.token))) {
    const { description, inputs, state } = type.shapes;
    Object.assign(types, inputs.types, state.types);
    resources[type.token] = { description, inputProperties: inputs.properties, requiredInputs: inputs.required, properties: state.properties, required: state.required };
  }
  return {
    name: source.name,
    version: source.version,
    description: "Commune office networks: RouterOS routers, IOS access switches and videoconference endpoints, from a validated inventory.",
    config: { variables: source.config.properties },
    provider: { description: "An instance of the communes provider, configured for one device.", inputProperties: source.config.properties },
    types: Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b))),
    resources,
  };
}
