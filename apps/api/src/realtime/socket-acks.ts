import { forNewRequest, type Actor } from '../common/auth/actor';
import { ProblemError } from '../common/problem/problem';
import type { z } from 'zod';
import type { SocketData } from './realtime-server';

export const NOT_FOUND = { ok: false, code: 'NOT_FOUND' } as const;
export const VALIDATION_FAILED = { ok: false, code: 'VALIDATION_FAILED' } as const;
export type Refusal = { ok: false; code: string };

/**
 * An event's payload by its contract schema, or the refusal the event answers for a malformed one: the id of a
 * room or meeting of another shape names nothing (NOT_FOUND, as an unknown one).
 */
export function payloadOf<S extends z.ZodType>(
  schema: S,
  body: unknown,
  refusal: Refusal = NOT_FOUND,
): { ok: true; data: z.infer<S> } | Refusal {
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : refusal;
}

/** Who a socket acts for, fresh for this event (its own audit scope). */
export const actorOf = (data: SocketData): Actor | null =>
  data.actor ? forNewRequest(data.actor) : data.guest ? forNewRequest(data.guest) : null;

/** Refusals answer with their code; anything else is a fault, not a "not found". */
export async function answering<T>(work: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ProblemError) return { ok: false, code: err.code };
    throw err;
  }
}
