import { z } from 'zod';
import { instant, uuid } from './common';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:MM');

/** Hours on a weekday (1 = Monday … 7 = Sunday), local time in Europe/Copenhagen. */
export const WeeklyHours = z
  .object({ weekday: z.number().int().min(1).max(7), start: clock, end: clock })
  .refine((h) => h.end > h.start, { path: ['end'], message: 'end must be after start' });
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const SetWorkingHours = z.object({ hours: z.array(WeeklyHours).max(35) }).superRefine((v, ctx) => {
  v.hours.forEach((h, i) => {
    const clash = v.hours.findIndex((o, j) => j < i && o.weekday === h.weekday && o.start < h.end && h.start < o.end);
    if (clash >= 0) ctx.addIssue({ code: 'custom', path: ['hours', i], message: `overlaps hours.${clash}` });
  });
});
export type SetWorkingHours = z.infer<typeof SetWorkingHours>;

export const Absence = z.object({
  id: uuid,
  staffId: uuid,
  start: instant,
  end: instant,
  reason: z.string().nullable(),
});
export type Absence = z.infer<typeof Absence>;

export const CreateAbsence = z
  .object({ start: instant, end: instant, reason: z.string().trim().min(1).max(200).optional() })
  .refine((a) => Date.parse(a.end) > Date.parse(a.start), { path: ['end'], message: 'end must be after start' });
export type CreateAbsence = z.infer<typeof CreateAbsence>;

/** `isDefault`: nothing stored, so Monday to Friday 08:00–16:00 applies; `absences`: those not yet over. */
export const WorkingHours = z.object({
  staffId: uuid,
  timeZone: z.string(),
  isDefault: z.boolean(),
  hours: z.array(WeeklyHours),
  absences: z.array(Absence),
});
export type WorkingHours = z.infer<typeof WorkingHours>;

const MAX_RANGE_MS = 62 * 86_400_000;

/** The colleagues and the time window a planner asks about. */
const colleaguesInWindow = {
  /** Comma-separated staff ids. */
  staffIds: z
    .string()
    .transform((s) => [...new Set(s.split(',').map((id) => id.trim()))])
    .pipe(z.array(uuid).min(1).max(10)),
  from: instant,
  to: instant,
};

function windowRule(q: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (Date.parse(q.to) <= Date.parse(q.from)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
  }
  if (Date.parse(q.to) - Date.parse(q.from) > MAX_RANGE_MS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most 62 days at a time' });
  }
}

export const AvailabilityQuery = z
  .object({ ...colleaguesInWindow, durationMinutes: z.coerce.number().int().min(5).max(720) })
  .superRefine(windowRule);
export type AvailabilityQuery = z.input<typeof AvailabilityQuery>;
export type AvailabilityFilter = z.output<typeof AvailabilityQuery>;

export const Availability = z.object({ slots: z.array(z.object({ start: instant, end: instant })) });
export type Availability = z.infer<typeof Availability>;

export const BusyQuery = z.object(colleaguesInWindow).superRefine(windowRule);
export type BusyQuery = z.input<typeof BusyQuery>;
export type BusyFilter = z.output<typeof BusyQuery>;

/**
 * When a colleague is taken: `meeting` (a scheduled meeting or an open proposal) or `absence`. Times only,
 * nothing of which meeting or why: a colleague's calendar shows no citizen and no reason of absence.
 */
export const BusySpan = z.object({
  staffId: uuid,
  kind: z.enum(['meeting', 'absence']),
  start: instant,
  end: instant,
});
export type BusySpan = z.infer<typeof BusySpan>;

export const Busy = z.object({ busy: z.array(BusySpan) });
export type Busy = z.infer<typeof Busy>;
