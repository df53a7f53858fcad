import { z } from 'zod';
import { ProblemCode } from './problems';

export const uuid = z.uuid();
/** An instant with an explicit offset, e.g. 2026-11-25T09:00:00+01:00 or ...Z. */
export const instant = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();

/**
 * `.refine(...datesInOrder('from', 'to'))`: the date `to` is not before `from` (ISO dates order as text); a
 * missing or null date is not checked.
 */
export function datesInOrder<F extends string, T extends string>(from: F, to: T) {
  const inOrder = (v: Partial<Record<F | T, string | null>>) => {
    const [first, last] = [v[from], v[to]];
    return !first || !last || first <= last;
  };
  const issue = { path: [to], message: `must not be before ${from}` };
  return [inOrder, issue] as const;
}

export const roles = ['caseworker', 'health', 'manager', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const disciplines = ['employment', 'health', 'social'] as const;
export const Discipline = z.enum(disciplines);
export type Discipline = z.infer<typeof Discipline>;
/** Each discipline's Danish name, for the web's Danish texts and the (Danish only) CSV files alike. */
export const disciplineNamesDa: Record<Discipline, string> = {
  employment: 'Beskæftigelse',
  health: 'Sundhed',
  social: 'Social',
};

/** A staff member an answer names: who decided, recorded, or answers for something. */
export const StaffRef = z.object({ id: uuid, name: z.string() });
export type StaffRef = z.infer<typeof StaffRef>;

export const TeamRef = z.object({ id: uuid, name: z.string() });
export type TeamRef = z.infer<typeof TeamRef>;

/** A staff member as a list of people names them: who, and in which discipline. */
export const staffFields = { staffId: uuid, name: z.string(), discipline: Discipline };

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().optional() });

/** A list without the health items the reader may not see (outside health, no consent): `healthHidden` says if any. */
export const healthListOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), healthHidden: z.boolean() });

/** Largest page of a paged list; the default page is `pageDefault`. */
export const pageMax = 100;
export const pageDefault = 50;

/**
 * `?limit=&cursor=` of a paged list: the cursor is the `nextCursor` of the page before, opaque to clients. Its
 * bound leaves room for a sort key of two names of 200 characters (a case list by responsible person).
 */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(pageMax).optional(),
  cursor: z.string().trim().min(1).max(4000).optional(),
};

/**
 * One page of a list that grows with the municipality: `nextCursor` gives the next page (null on the last);
 * `total` counts the whole list, not the page.
 */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int() });

/**
 * One thing wrong with a request: where (`path`, e.g. `start` or `proposals.1`) and what. Some codes say more:
 * a MEETING_CONFLICT entry names the staff member who is not free (`staffId`, `name`). Clients ignore fields
 * they do not know, so more may be added.
 */
export const ProblemFieldError = z.object({
  path: z.string(),
  message: z.string(),
  staffId: uuid.optional(),
  name: z.string().optional(),
});
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

/** A colleague with room for the case (CASELOAD_CEILING_EXCEEDED): same discipline, lowest load first. */
export const CeilingSuggestion = z.object({
  staffId: uuid,
  name: z.string(),
  load: z.number(),
  ceiling: z.number().nullable(),
});
export type CeilingSuggestion = z.infer<typeof CeilingSuggestion>;

/** RFC 9457 problem document, as every error of the API is answered. */
export const Problem = z.object({
  type: z.string().optional(),
  status: z.number().int(),
  title: z.string(),
  detail: z.string().optional(),
  /** Stable: clients switch on it (see `problemCodes`). */
  code: ProblemCode.optional(),
  errors: z.array(ProblemFieldError).optional(),
  /** CASELOAD_CEILING_EXCEEDED: colleagues of the same discipline who have room. */
  suggestions: z.array(CeilingSuggestion).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Health = z.object({ status: z.enum(['ok', 'unavailable']) });
export type Health = z.infer<typeof Health>;
