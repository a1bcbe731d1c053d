// The named schemas of the API contract: each registered here becomes `#/components/schemas/<id>` in
// the OpenAPI document, and is what handlers are typed by and tests validate real answers against.
import type { z } from 'zod';

export interface NamedSchema {
  id: string;
  schema: z.ZodType;
  description?: string;
}

/** Every named schema, in the order registered. */
export const apiComponents: NamedSchema[] = [];

/** Names a schema as a component (once) and returns it unchanged. */
export function component<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  if (apiComponents.some((c) => c.id === id)) throw new Error(`Component ${id} is named twice.`);
  apiComponents.push(description ? { id, schema, description } : { id, schema });
  return schema;
}

/**
 * True when A and B are the same type (not merely assignable): a field added to the model but not to
 * its schema, or the other way round, fails typechecking where this is asserted.
 */
export type Exact<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** `assertExact<Exact<z.output<typeof s>, Model>>(true)`: compiles only when the two agree. */
export function assertExact<Same extends true>(_proof: Same): void {}
