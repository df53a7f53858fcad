export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** JSON with object keys sorted, so {a, b} and {b, a} compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    isPlainObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/**
 * Changed leaf fields between two plan snapshots, for the plan's version history. Nested plain
 * objects are compared key by key with dotted names (`contactPlan.intervalDays`,
 * `efforts.<id>.status`); arrays, dates and primitives by their JSON value. A key that appears or
 * disappears is one change of the whole value (`efforts.<id>` from null). Missing and undefined
 * count as null. Keys come out sorted, so the order does not depend on how the objects were built.
 */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix = '',
): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const field = prefix ? `${prefix}.${key}` : key;
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (isPlainObject(from) && isPlainObject(to)) changes.push(...diffFields(from, to, field));
    else if (canonicalJson(from) !== canonicalJson(to)) changes.push({ field, from, to });
  }
  return changes;
}
