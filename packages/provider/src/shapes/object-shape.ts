/**
 * Shapes of objects: each property with its shape, its description, whether
 * it is required and whether it is secret. A resource's inputs and state are
 * objects; so are the named types under them (a switch port, a router
 * connection). The properties must be exactly the keys of the TypeScript
 * type they describe, optional ones with `optional`: the compiler rejects
 * a shape that has drifted from its type.
 */
import { childPath, INVALID, isMapping, received, type Problem, type PropertySpec, type Shape, type TypeSpec } from "./shape";

export interface Field<V> {
  readonly shape: Shape<NonNullable<V>>;
  readonly description: string;
  readonly optional: boolean;
  readonly secret: boolean;
  /** What an absent property stands for (states recorded before it existed). */
  readonly absent?: NonNullable<V>;
  /** Holds `V` both ways, so a field of `string` cannot describe a `string | undefined` property or the reverse. */
  readonly variance?: (value: V) => V;
}

interface FieldOptions<V> {
  /** Kept encrypted in the stack's state (`"secret": true` in the schema). */
  secret?: boolean;
  /** Read in place of an absent property (the schema's `default`). */
  absent?: NonNullable<V>;
}

export function required<V>(shape: Shape<V>, description: string, options: FieldOptions<V> = {}): Field<V> {
  return { shape: shape as Shape<NonNullable<V>>, description, optional: false, secret: options.secret ?? false, ...(options.absent !== undefined ? { absent: options.absent } : {}) };
}

export function optional<V>(shape: Shape<V>, description: string, options: Omit<FieldOptions<V>, "absent"> = {}): Field<V | undefined> {
  return { shape: shape as Shape<NonNullable<V>>, description, optional: true, secret: options.secret ?? false };
}

export type Fields<T> = { readonly [K in keyof T]-?: Field<T[K]> };

export interface ObjectShape<T> extends Shape<T> {
  readonly fields: Fields<T>;
  /** The properties as the schema writes them, and which are required. */
  readonly properties: Record<string, PropertySpec>;
  readonly required: string[];
}

function entries<T>(fields: Fields<T>): Array<[string, Field<unknown>]> {
  return Object.entries(fields) as Array<[string, Field<unknown>]>;
}

/** An object of `fields`; unknown properties are refused. `spec` is set by `objectType` for an object under another one. */
export function object<T>(fields: Fields<T>, spec: PropertySpec = { type: "object" }, own: Record<string, TypeSpec> = {}): ObjectShape<T> {
  const all = entries(fields);
  const types: Record<string, TypeSpec> = Object.assign({}, ...all.map(([, f]) => f.shape.types), own);
  return {
    spec,
    types,
    fields,
    properties: Object.fromEntries(all.map(([name, f]) => [name, { ...f.shape.spec, description: f.description, ...(f.absent !== undefined ? { default: f.absent } : {}), ...(f.secret ? { secret: true } : {}) }])),
    required: all.filter(([, f]) => !f.optional && f.absent === undefined).map(([name]) => name),
    read(value, at, problems: Problem[]) {
      if (!isMapping(value)) {
        problems.push({ property: at, reason: `expected a mapping, received ${received(value)}` });
        return INVALID;
      }
      const before = problems.length;
      const out: Record<string, unknown> = {};
      for (const [name, f] of all) {
        const v = value[name];
        if (v === undefined || v === null) {
          if (f.absent !== undefined) out[name] = f.absent;
          else if (!f.optional) problems.push({ property: childPath(at, name), reason: `required: ${f.description}` });
          continue;
        }
        const read = f.shape.read(v, childPath(at, name), problems);
        if (read !== INVALID) out[name] = read;
      }
      for (const key of Object.keys(value)) if (!(key in fields)) problems.push({ property: childPath(at, key), reason: "unknown property" });
      return problems.length > before ? INVALID : (out as T);
    },
  };
}

/** An object under another one: a named type of the schema, referred to by its token. */
export function objectType<T>(token: string, description: string, fields: Fields<T>): ObjectShape<T> {
  const inner = object(fields);
  return object(fields, { $ref: `#/types/${token}` }, { [token]: { type: "object", description, properties: inner.properties, required: inner.required } });
}
