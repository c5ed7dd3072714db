/**
 * A shape: one description of a value in the provider's contract, read
 * three ways — its TypeScript type, a reader that checks a JSON value
 * against it and says what is wrong, and its Pulumi package schema. Each
 * property is written once, in a shape; the resource types check inputs
 * with it, the CLI reads recorded states with it, `getSchema` prints it.
 * No Pulumi module is loaded here.
 */

/** A property as the Pulumi package schema writes it. */
export interface PropertySpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  description?: string;
  default?: unknown;
  secret?: boolean;
}

/** A named type of the package schema (`types`): an object or a string enum. */
export interface TypeSpec {
  type: "object" | "string";
  description: string;
  properties?: Record<string, PropertySpec>;
  required?: string[];
  enum?: Array<{ value: string }>;
}

/** What is wrong with a value: where (`vlans["10"]`, `ports.Gi0/1.mode`) and why, with what was received. */
export interface Problem {
  property: string;
  reason: string;
}

/** What a reader returns for a value it cannot accept. */
export const INVALID: unique symbol = Symbol("invalid");

export interface Shape<T> {
  /** How the package schema writes a value of this shape. */
  readonly spec: PropertySpec;
  /** The named types the spec refers to, by token. */
  readonly types: Readonly<Record<string, TypeSpec>>;
  /** Checks `value` (found at `at`), adding what is wrong to `problems`. */
  read(value: unknown, at: string, problems: Problem[]): T | typeof INVALID;
}

export type Reading<T> = { value: T; problems?: undefined } | { value?: undefined; problems: Problem[] };

/** Reads a JSON value as `shape`: the typed value, or every problem found. */
export function readShape<T>(shape: Shape<T>, value: unknown): Reading<T> {
  const problems: Problem[] = [];
  const read = shape.read(value, "", problems);
  return read === INVALID || problems.length > 0 ? { problems } : { value: read };
}

/** The problems of a reading as one line, for an error message. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.property ? `${p.property}: ${p.reason}` : p.reason)).join("; ");
}

export const received = (value: unknown): string => (value === undefined ? "nothing" : JSON.stringify(value));

/** `at` followed by a property name, as a path. */
export function childPath(at: string, key: string): string {
  if (/^[A-Za-z_][\w-]*$/.test(key)) return at === "" ? key : `${at}.${key}`;
  return `${at}[${JSON.stringify(key)}]`;
}

function leaf<T>(type: "string" | "integer" | "boolean", expected: string, accepts: (v: unknown) => v is T): Shape<T> {
  return {
    spec: { type },
    types: {},
    read(value, at, problems) {
      if (accepts(value)) return value;
      problems.push({ property: at, reason: `expected ${expected}, received ${received(value)}` });
      return INVALID;
    },
  };
}

export const string = (): Shape<string> => leaf("string", "a string", (v): v is string => typeof v === "string");
export const integer = (): Shape<number> => leaf("integer", "an integer", (v): v is number => typeof v === "number" && Number.isInteger(v));
export const boolean = (): Shape<boolean> => leaf("boolean", "true or false", (v): v is boolean => typeof v === "boolean");

/** `shape`, further required to pass `test` (described as `expected`, e.g. "an absolute file path"). */
export function refine<T>(shape: Shape<T>, expected: string, test: (value: T) => boolean): Shape<T> {
  return {
    ...shape,
    read(value, at, problems) {
      const inner: Problem[] = [];
      const read = shape.read(value, at, inner);
      if (read !== INVALID && inner.length === 0 && test(read)) return read;
      problems.push({ property: at, reason: `expected ${expected}, received ${received(value)}` });
      return INVALID;
    },
  };
}

export const nonEmptyString = (): Shape<string> => refine(string(), "a non-empty string", (s) => s !== "");

/** One of a few strings: a named enum type of the schema. */
export function oneOf<const V extends string>(token: string, description: string, values: readonly V[]): Shape<V> {
  return {
    spec: { $ref: `#/types/${token}` },
    types: { [token]: { type: "string", description, enum: values.map((value) => ({ value })) } },
    read(value, at, problems) {
      const found = values.find((v) => v === value);
      if (found !== undefined) return found;
      problems.push({ property: at, reason: `expected one of ${values.join(", ")}, received ${received(value)}` });
      return INVALID;
    },
  };
}

export function list<T>(item: Shape<T>): Shape<T[]> {
  return {
    spec: { type: "array", items: item.spec },
    types: item.types,
    read(value, at, problems) {
      if (!Array.isArray(value)) {
        problems.push({ property: at, reason: `expected a list, received ${received(value)}` });
        return INVALID;
      }
      const out: T[] = [];
      value.forEach((v: unknown, i) => {
        const read = item.read(v, `${at}[${i}]`, problems);
        if (read !== INVALID) out.push(read);
      });
      return out;
    },
  };
}

export const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A mapping of any keys to values of `item`; `M` narrows the keys (e.g. an endpoint's setting names). */
export function map<V, M extends Partial<Record<string, V>> = Record<string, V>>(item: Shape<V>): Shape<M> {
  return {
    spec: { type: "object", additionalProperties: item.spec },
    types: item.types,
    read(value, at, problems) {
      if (!isMapping(value)) {
        problems.push({ property: at, reason: `expected a mapping, received ${received(value)}` });
        return INVALID;
      }
      const out: Partial<Record<string, V>> = {};
      for (const [key, v] of Object.entries(value)) {
        const read = item.read(v, childPath(at, key), problems);
        if (read !== INVALID) out[key] = read;
      }
      return out as M;
    },
  };
}
