import type { FieldError } from '../problem/problem';

const NUL = '\u0000';
/** Enough to point at the problem; a body full of NULs does not make a huge answer. */
const MAX_ERRORS = 20;
const MAX_PATH = 200;

/** An unpaired UTF-16 surrogate: in a `u` regex a well-formed pair is one code point, so only lone halves match. */
const LONE_SURROGATE = /\p{Cs}/u;
const unstorable = (text: string) => text.includes(NUL) || LONE_SURROGATE.test(text);

const shownKey = (key: string) => key.replaceAll(NUL, '\\u0000').replace(/\p{Cs}/gu, '\uFFFD');
const join = (path: string, key: string) => (path ? `${path}.${shownKey(key)}` : shownKey(key));
/** The end of a very deep path is the part that finds the field. */
const shown = (path: string) => (path.length > MAX_PATH ? `…${path.slice(-MAX_PATH)}` : path);

/**
 * PostgreSQL cannot store U+0000 in text (and refuses it as a query parameter), and an unpaired surrogate
 * ("\ud800" in JSON) is no text at all (it would be stored as a replacement character), so any string or key
 * holding one is a 400 naming its dotted path (`participants.1.name`), like a zod field error.
 * Iterative: JSON.parse accepts nesting deeper than the call stack.
 */
export function unstorableFields(value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  // A key holding a NUL is pushed as a marker so errors come out in document order.
  const stack: [unknown, string, boolean?][] = [[value, '']];
  while (stack.length && errors.length < MAX_ERRORS) {
    const [v, path, badKey] = stack.pop()!;
    if (badKey) {
      errors.push({
        path: shown(path),
        message: 'A field name must not contain a NUL character or an unpaired surrogate.',
      });
    } else if (typeof v === 'string') {
      if (unstorable(v)) {
        errors.push({
          path: shown(path) || '(body)',
          message: 'Text must not contain a NUL character or an unpaired surrogate.',
        });
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, String(i))]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        stack.push([child, join(path, key), unstorable(key)]);
      }
    }
  }
  return errors;
}
