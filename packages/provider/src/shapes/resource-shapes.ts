/** What the package schema says of one resource type: its description, and the shapes of its inputs and of its state. */
import type { ObjectShape } from "./object-shape";

export interface ResourceShapes<I, S> {
  readonly description: string;
  /** What a program passes (the schema's `inputProperties`). */
  readonly inputs: ObjectShape<I>;
  /** What the stack's state records (the schema's `properties`). */
  readonly state: ObjectShape<S>;
}
