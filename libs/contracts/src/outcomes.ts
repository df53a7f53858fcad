import { z } from 'zod';
import { CloseOutcome } from './cases';
import { datesInOrder, isoDate, TeamRef, uuid } from './common';

/** A team's outcome figures over a period (Copenhagen dates, both inclusive); without a team, the manager's first. */
export const OutcomeQuery = z
  .object({ teamId: uuid.optional(), from: isoDate, to: isoDate })
  .refine(...datesInOrder('from', 'to'));
export type OutcomeQuery = z.infer<typeof OutcomeQuery>;

/** A number of citizens (cases) and the cases behind it, so a figure links to its case list. */
export const OutcomeCount = z.object({ count: z.number().int(), caseIds: z.array(uuid) });
export type OutcomeCount = z.infer<typeof OutcomeCount>;

export const outcomeTrends = ['rose', 'held', 'fell', 'unknown'] as const;
export const OutcomeTrend = z.enum(outcomeTrends);
export type OutcomeTrend = z.infer<typeof OutcomeTrend>;

const TrendCounts = z.object({ rose: OutcomeCount, held: OutcomeCount, fell: OutcomeCount, unknown: OutcomeCount });

export const Outcomes = z.object({
  teamId: uuid,
  /** The teams the caller may ask about (their own), by name, for a team picker. */
  teams: z.array(TeamRef),
  from: isoDate,
  to: isoDate,
  /** Cases of the team active at some time in the period: the population of progress and contact. */
  cases: z.number().int(),
  progress: z.object({
    /** The six months ending at the period's end (or today, when earlier). */
    windowFrom: isoDate,
    windowTo: isoDate,
    citizen: TrendCounts,
    caseworker: TrendCounts,
    /** Cases whose health indicator was left out: the viewer may not see the citizen's health data. */
    healthLeftOut: OutcomeCount,
  }),
  closures: z.object({
    total: z.number().int(),
    rows: z.array(
      z.object({
        quarter: z.string(),
        outcome: CloseOutcome,
        count: z.number().int(),
        medianDays: z.number().nullable(),
        caseIds: z.array(uuid),
      }),
    ),
  }),
  contact: z.object({
    /** Cases with an agreed contact interval and a window in the period. */
    withPlan: z.number().int(),
    kept: OutcomeCount,
    notKept: OutcomeCount,
    noPlan: OutcomeCount,
    /** kept / withPlan, 0–1; null without any case with a plan. */
    share: z.number().nullable(),
  }),
});
export type Outcomes = z.infer<typeof Outcomes>;
