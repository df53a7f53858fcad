import { z } from 'zod';
import { CaseWeight } from './cases';
import { Benefit, benefits } from './citizens';
import { instant, isoDate, listOf, staffFields, uuid } from './common';

export const CaseloadStatus = z.enum(['ok', 'near', 'over']);
export type CaseloadStatus = z.infer<typeof CaseloadStatus>;

/** One person of a team: weighted load of active cases against their effective ceiling. */
export const CaseloadRow = z.object({
  ...staffFields,
  activeCases: z.number().int(),
  load: z.number(),
  /** Effective: the person's own ?? the team's ?? the team's target group's default; null = no ceiling. */
  ceiling: z.number().nullable(),
  /** The person's own override, if any. */
  personalCeiling: z.number().nullable(),
  utilization: z.number().nullable(),
  status: CaseloadStatus,
});
export type CaseloadRow = z.infer<typeof CaseloadRow>;

/** A case waiting in the team's intake queue for a responsible person. */
export const QueuedCase = z.object({
  caseId: uuid,
  citizenId: uuid,
  citizenName: z.string(),
  benefit: z.string(),
  weight: z.number(),
  waitingSince: instant,
  /** Whole days waited so far. */
  waitingDays: z.number().int(),
});
export type QueuedCase = z.infer<typeof QueuedCase>;

/** A ceiling passed by a manager's override (from the access log): which case, from whom, to whom, by whom, why. */
export const CaseloadOverride = z.object({
  at: instant,
  caseId: uuid.nullable(),
  citizenId: uuid,
  citizenName: z.string(),
  /** Who held the case before; null: a new or queued case, or a reopening. */
  fromStaffId: uuid.nullable(),
  fromName: z.string().nullable(),
  /** Whose ceiling was passed: the case's responsible person after the change. */
  staffId: uuid.nullable(),
  toName: z.string().nullable(),
  /** The manager who overrode. */
  byName: z.string(),
  reason: z.string(),
  change: z.string(),
});
export type CaseloadOverride = z.infer<typeof CaseloadOverride>;

/** A target group with the social workers' union's recommended range and the default ceiling Tværs uses. */
export const TargetGroup = z.object({
  id: z.string(),
  name: z.string(),
  rangeMin: z.number(),
  rangeMax: z.number(),
  defaultCeiling: z.number(),
});
export type TargetGroup = z.infer<typeof TargetGroup>;

/** A team's own default ceiling and target group (whose default applies when the team sets none). */
export const TeamCaseloadSettings = z.object({
  name: z.string(),
  ceiling: z.number().nullable(),
  targetGroup: TargetGroup.nullable(),
});
export type TeamCaseloadSettings = z.infer<typeof TeamCaseloadSettings>;

export const SetTeamCaseload = z.object({
  /** One of the seeded target groups (`activity_ready`, `job_ready`, `sickness_benefit`, `ips`); null: none. */
  targetGroupId: z.string().max(50).nullable(),
  ceiling: z.number().min(0).max(999).nullable(),
});
export type SetTeamCaseload = z.infer<typeof SetTeamCaseload>;

export const Caseload = z.object({
  teamId: uuid,
  team: TeamCaseloadSettings,
  rows: z.array(CaseloadRow),
  /** Oldest first. */
  queue: z.array(QueuedCase),
  /** Overrides of the last 90 days, newest first. */
  overrides: z.array(CaseloadOverride),
});
export type Caseload = z.infer<typeof Caseload>;

export const CaseloadQuery = z.object({ teamId: uuid });
export type CaseloadQuery = z.infer<typeof CaseloadQuery>;

/** A person's own ceiling; null removes it (the team's or target group's default applies). */
export const SetCeiling = z.object({ ceiling: z.number().min(0).max(999).nullable() });
export type SetCeiling = z.infer<typeof SetCeiling>;

/** One Copenhagen calendar day of a person's load and ceiling (at the day's end; today: now). */
export const LoadDay = z.object({
  date: isoDate,
  load: z.number(),
  /** The effective ceiling in force then; null = no ceiling. */
  ceiling: z.number().nullable(),
  /** Above the ceiling in force at some moment of the day (these are the days counted in `daysOverCeiling`). */
  over: z.boolean(),
});
export type LoadDay = z.infer<typeof LoadDay>;

/** The dashboard's figures, all computed from the assignment history and the cases (none sampled). */
export const CaseloadFigures = z.object({
  teamId: uuid,
  capacity: z.number().nullable(),
  load: z.number(),
  utilization: z.number().nullable(),
  queueLength: z.number().int(),
  oldestWaitDays: z.number().int().nullable(),
  /**
   * Per person: days in the last 90 on which their load was above the ceiling in force at that moment (a ceiling
   * changed today counts from today, never backwards).
   */
  daysOverCeiling: z.array(z.object({ staffId: uuid, name: z.string(), days: z.number().int() })),
  /** Per person: the last 90 days, oldest first, ending today. */
  history: z.array(z.object({ staffId: uuid, days: z.array(LoadDay) })),
  /** Caseworker changes per citizen of the team in the last 12 months. */
  continuity: z.object({ citizens: z.number().int(), changes: z.number().int(), perCitizen: z.number() }),
  forecast: z.object({
    intakePerWeek: z.number(),
    closuresPerWeek: z.number(),
    runsOutAt: instant.nullable(),
    full: z.boolean(),
  }),
});
export type CaseloadFigures = z.infer<typeof CaseloadFigures>;

/** The weight a new case of a citizen on this benefit gets unless one is given: configured, else 1. */
export const BenefitWeight = z.object({ benefit: Benefit, weight: z.number() });
export type BenefitWeight = z.infer<typeof BenefitWeight>;

/** Every benefit of the code list, in its order. */
export const BenefitWeightList = listOf(BenefitWeight);
export type BenefitWeightList = z.infer<typeof BenefitWeightList>;

/** New default weights for the listed benefits (each at most once); benefits not listed keep theirs. */
export const SetBenefitWeights = z.object({
  weights: z
    .array(z.object({ benefit: Benefit, weight: CaseWeight }))
    .min(1)
    .max(benefits.length)
    .superRefine((weights, ctx) => {
      const seen = new Set<string>();
      for (const [i, w] of weights.entries()) {
        if (seen.has(w.benefit)) ctx.addIssue({ code: 'custom', path: [i, 'benefit'], message: 'listed twice' });
        seen.add(w.benefit);
      }
    }),
});
export type SetBenefitWeights = z.infer<typeof SetBenefitWeights>;
