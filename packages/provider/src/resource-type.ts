/**
 * What a resource type of the communes provider implements. The server turns
 * engine requests into calls on these plain async functions; resource types
 * never see gRPC, secrets wrapping or URNs.
 */
import type { PropertyMap } from "./wire";
import type { ResourceShapes } from "./shapes/resource-shapes";
import { readShape, type Shape } from "./shapes/shape";

export interface CheckFailure {
  /** The input property at fault, e.g. `content` or `vlans[2].id`. */
  property: string;
  /** What is wrong, with the received value and what is allowed. */
  reason: string;
}

export type CheckResult<I> = { inputs: I; failures?: undefined } | { inputs?: undefined; failures: CheckFailure[] };

export interface Created<S> {
  id: string;
  state: S;
}

export interface Observed<I, S> {
  /** What the device holds now, in the resource's state shape. */
  state: S;
  /** The inputs that would produce that state, so drift shows as a diff. */
  inputs: I;
}

/** The context every operation receives: the provider's configuration. */
export interface OperationContext {
  /** Provider configuration, secrets already unwrapped. */
  readonly config: Readonly<PropertyMap>;
  /** The resource's name (the last part of its URN), for messages: `thieu-trung-r1/ip/firewall/filter`. */
  readonly resource: string;
}

export interface ResourceType<I extends object, S extends object> {
  /** The type token, `communes:<module>:<Type>`. A public contract. */
  readonly token: string;
  /** Its description, inputs and state: the package schema's entry for it, and what `check` reads inputs with. */
  readonly shapes: ResourceShapes<any, S>;
  /** Top-level inputs whose change replaces the resource instead of updating it. */
  readonly replaceOnChanges: readonly string[];
  /** Validates and normalises inputs; never throws for bad user input. */
  check(news: PropertyMap): CheckResult<I>;
  create(inputs: I, ctx: OperationContext): Promise<Created<S>>;
  /** Reads the live object; `undefined` when it no longer exists. */
  read(id: string, state: Partial<S>, ctx: OperationContext): Promise<Observed<I, S> | undefined>;
  update(id: string, olds: S, news: I, ctx: OperationContext): Promise<S>;
  delete(id: string, state: S, ctx: OperationContext): Promise<void>;
}

/** Inputs read as `shape`: every problem as a check failure, named by its property. */
export function checkShape<I>(shape: Shape<I>, news: PropertyMap): CheckResult<I> {
  const reading = readShape(shape, news);
  return reading.problems ? { failures: reading.problems } : { inputs: reading.value };
}

/** A resource type with its input and state shapes erased, as the registry holds it. */
export type AnyResourceType = ResourceType<any, any>;

/**
 * An error to show the user as is: a device refusing a change, an unreachable
 * host. The server reports its message without a stack trace.
 */
export class OperationError extends Error {
  override name = "OperationError";
}

/**
 * Thrown by `create` or `update` when the object exists but was only partly
 * configured. The engine records `state` and retries on the next update.
 */
export class PartialFailure<S> extends OperationError {
  override name = "PartialFailure";
  constructor(
    message: string,
    readonly id: string,
    readonly state: S,
  ) {
    super(message);
  }
}
