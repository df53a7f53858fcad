import type { z } from 'zod';

interface Inspectable {
  maxLength?: number | null;
  unwrap?: () => unknown;
  shape?: Record<string, unknown>;
}

/**
 * The longest text the contract allows at `path` (e.g. `contactPlan.reason`), read from the zod schema
 * so a counter never repeats the number; undefined when the field has no maximum.
 */
export function maxLengthOf(schema: z.ZodType, path: string): number | undefined {
  let node = schema as unknown as Inspectable | undefined;
  const unwrap = () => {
    // optional(), nullable() and the like wrap the field's own schema.
    while (node?.unwrap && !node.shape && node.maxLength === undefined) node = node.unwrap() as Inspectable;
  };
  for (const part of path.split('.')) {
    unwrap();
    node = node?.shape?.[part] as Inspectable | undefined;
  }
  unwrap();
  return node?.maxLength ?? undefined;
}
