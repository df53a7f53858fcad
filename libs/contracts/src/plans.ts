import { z } from 'zod';
import { Discipline, instant, isoDate, listOf, pageOf, pageQuery, uuid } from './common';

export const effortTypes = {
  virksomhedspraktik: 'employment',
  loentilskud: 'employment',
  ips: 'employment',
  mentor: 'employment',
  brancheafklaring: 'employment',
  snusepraktik: 'employment',
  vejledning_opkvalificering: 'employment',
  jobsoegning: 'employment',
  behandling: 'health',
  genoptraening: 'health',
  psykoedukation: 'health',
  angsteksponering: 'health',
  misbrugsbehandling: 'social',
  bostoette: 'social',
  gaeldsraadgivning: 'social',
  mestringsforloeb: 'social',
} as const satisfies Record<string, Discipline>;
export type EffortType = keyof typeof effortTypes;
export const EffortType = z.enum(Object.keys(effortTypes) as [EffortType, ...EffortType[]]);

export const EffortStatus = z.enum(['planned', 'active', 'completed', 'stopped']);
export type EffortStatus = z.infer<typeof EffortStatus>;

export const Effort = z.object({
  id: uuid,
  type: EffortType,
  title: z.string(),
  discipline: Discipline,
  ownerId: uuid.nullable(),
  purpose: z.string().nullable(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  status: EffortStatus,
  stopReason: z.string().nullable(),
});
export type Effort = z.infer<typeof Effort>;

export const ContactPlan = z.object({
  intervalDays: z.number().int().min(1).max(365),
  reason: z.string().trim().min(3).max(1000),
});
export type ContactPlan = z.infer<typeof ContactPlan>;

export const Plan = z.object({
  caseId: uuid,
  version: z.number().int(),
  citizenGoal: z.string(),
  jobGoal: z.string(),
  contactPlan: ContactPlan.nullable(),
  efforts: z.array(Effort),
  /** True when health efforts were left out: the reader is outside health and consent does not cover them. */
  healthHidden: z.boolean(),
  /** Whether this reader may see (and so enter) the citizen's health data: health staff, others with consent. */
  healthVisible: z.boolean(),
  nextReviewDue: isoDate,
  reviewedOn: isoDate,
  assessedOn: isoDate.nullable(),
  updatedAt: instant,
  updatedBy: z.object({ id: uuid, name: z.string() }).nullable(),
});
export type Plan = z.infer<typeof Plan>;

export const UpdatePlan = z.object({
  citizenGoal: z.string().max(4000).optional(),
  jobGoal: z.string().max(2000).optional(),
  contactPlan: ContactPlan.optional(),
});
export type UpdatePlan = z.infer<typeof UpdatePlan>;

const dateRange = <T extends { startDate?: string | null; endDate?: string | null }>(v: T) =>
  !v.startDate || !v.endDate || v.startDate <= v.endDate;

export const CreateEffort = z
  .object({
    type: EffortType,
    title: z.string().trim().min(1).max(200),
    discipline: Discipline,
    ownerId: uuid.optional(),
    purpose: z.string().trim().max(2000).optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
  })
  .refine((v) => effortTypes[v.type] === v.discipline, {
    path: ['discipline'],
    message: 'does not match the effort type',
  })
  .refine(dateRange, { path: ['endDate'], message: 'must not be before startDate' });
export type CreateEffort = z.infer<typeof CreateEffort>;

const updateEffortFields = {
  title: z.string().trim().min(1).max(200).optional(),
  ownerId: uuid.nullable().optional(),
  purpose: z.string().trim().max(2000).optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  status: EffortStatus.optional(),
  stopReason: z.string().trim().min(3).max(1000).optional(),
};
const stopNeedsReason = (v: { status?: EffortStatus; stopReason?: string }) =>
  v.status !== 'stopped' || v.stopReason !== undefined;

export const UpdateEffort = z
  .object(updateEffortFields)
  .refine(stopNeedsReason, { path: ['stopReason'], message: 'a reason is required to stop an effort' })
  .refine(dateRange, { path: ['endDate'], message: 'must not be before startDate' });
export type UpdateEffort = z.infer<typeof UpdateEffort>;

/** A change of one named effort, as a meeting's decision makes it (the fields of UpdateEffort). */
export const ChangeEffort = z
  .object({ effortId: uuid, ...updateEffortFields })
  .refine(stopNeedsReason, { path: ['stopReason'], message: 'a reason is required to stop an effort' })
  .refine(dateRange, { path: ['endDate'], message: 'must not be before startDate' });
export type ChangeEffort = z.infer<typeof ChangeEffort>;

/** One edit of the plan's efforts: a new effort, or a change of an existing one. */
export const EffortEdit = z
  .object({ add: CreateEffort.optional(), change: ChangeEffort.optional() })
  .refine((e) => (e.add === undefined) !== (e.change === undefined), { message: 'give either add or change' });
export type EffortEdit = z.infer<typeof EffortEdit>;

export const PlanChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export const PlanVersion = z.object({
  version: z.number().int(),
  at: instant,
  by: z.object({ id: uuid, name: z.string() }).nullable(),
  changes: z.array(PlanChange),
  /** True when changes to health efforts were left out: the reader is outside health and consent does not cover them. */
  healthHidden: z.boolean(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;
export const PlanHistory = listOf(PlanVersion);
export type PlanHistory = z.infer<typeof PlanHistory>;

/** Progress indicators in the spirit of the Danish BIP indicators; scored 1-10. */
export const indicatorKeys = [
  'health_mastery',
  'everyday_mastery',
  'job_belief',
  'cooperation',
  'job_search',
  'social_situation',
] as const;
export const IndicatorKey = z.enum(indicatorKeys);
export type IndicatorKey = z.infer<typeof IndicatorKey>;

export const ScoreIndicators = z.object({
  ratedBy: z.enum(['citizen', 'caseworker']),
  scores: z
    .partialRecord(IndicatorKey, z.number().int().min(1).max(10))
    .refine((s) => Object.keys(s).length > 0, 'at least one score'),
  note: z.string().trim().max(1000).optional(),
});
export type ScoreIndicators = z.infer<typeof ScoreIndicators>;

export const IndicatorScoreItem = z.object({
  key: IndicatorKey,
  ratedBy: z.enum(['citizen', 'caseworker']),
  score: z.number().int(),
  at: instant,
});
export const IndicatorTrend = z.object({
  key: IndicatorKey,
  citizen: z.array(z.object({ at: instant, score: z.number() })),
  caseworker: z.array(z.object({ at: instant, score: z.number() })),
  trend: z.enum(['up', 'down', 'flat', 'unknown']),
});
export const Indicators = z.object({
  items: z.array(IndicatorTrend),
  /** True when the health indicator (health_mastery) was left out, as for hidden health efforts. */
  healthHidden: z.boolean(),
});
export type Indicators = z.infer<typeof Indicators>;

export const requestKinds = ['effort', 'conversation'] as const;
export const CitizenRequest = z.object({
  id: uuid,
  kind: z.enum(requestKinds),
  description: z.string(),
  receivedAt: instant,
  decisionDue: isoDate,
  decision: z.enum(['granted', 'refused']).nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: instant.nullable(),
  decidedBy: z.object({ id: uuid, name: z.string() }).nullable(),
});
export type CitizenRequest = z.infer<typeof CitizenRequest>;
export const CitizenRequestList = listOf(CitizenRequest);
export type CitizenRequestList = z.infer<typeof CitizenRequestList>;
export const CreateCitizenRequest = z.object({
  kind: z.enum(requestKinds),
  description: z.string().trim().min(3).max(2000),
  receivedAt: instant.optional(),
});
export type CreateCitizenRequest = z.infer<typeof CreateCitizenRequest>;
export const DecideCitizenRequest = z.object({
  decision: z.enum(['granted', 'refused']),
  reason: z.string().trim().min(3).max(4000),
});
export type DecideCitizenRequest = z.infer<typeof DecideCitizenRequest>;

export const WorklistItem = z.object({
  /** `health_statement_received`: a doctor's statement the case's responsible person has not read yet. */
  kind: z.enum([
    'request_decision',
    'plan_review',
    'clarification_guarantee',
    'exemption_end',
    'health_statement_received',
  ]),
  caseId: uuid,
  citizenName: z.string(),
  /** Null while the case waits in the intake queue for a responsible person. */
  responsibleId: uuid.nullable(),
  /** Who answers for the deadline; null while no one is responsible (the web flags it). */
  responsible: z.object({ id: uuid, name: z.string() }).nullable(),
  dueDate: isoDate,
  status: z.enum(['overdue', 'due_soon', 'ok']),
  link: z.string(),
  /**
   * On a health item: the caller may not read its content (not health staff, and no health_in_unit consent).
   * The item itself never carries health content.
   */
  healthHidden: z.boolean().optional(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;
/** Most urgent first (overdue, then due soon, then the rest, each by due date), in pages; `total` is the whole list. */
export const Worklist = pageOf(WorklistItem);
export type Worklist = z.infer<typeof Worklist>;
export const WorklistQuery = z.object({
  scope: z.enum(['mine', 'team']).default('mine'),
  includeOk: z.enum(['true', 'false']).optional(),
  /** The team's list narrowed to one responsible person's deadlines, or (`none`) to cases no one answers for yet. */
  responsible: z.union([uuid, z.literal('none')]).optional(),
  ...pageQuery,
});
export type WorklistQuery = z.infer<typeof WorklistQuery>;

/** Exemption (fritagelse) from activity requirements: at most 6 months per decision. */
export const CreateExemption = z
  .object({ startDate: isoDate, endDate: isoDate, reason: z.string().trim().min(3).max(2000) })
  .refine((v) => v.startDate <= v.endDate, { path: ['endDate'], message: 'must not be before startDate' });
export type CreateExemption = z.infer<typeof CreateExemption>;
export const Exemption = z.object({
  id: uuid,
  startDate: isoDate,
  endDate: isoDate,
  reason: z.string(),
  decidedBy: z.object({ id: uuid, name: z.string() }),
  decidedAt: instant,
});
export type Exemption = z.infer<typeof Exemption>;
export const ExemptionList = listOf(Exemption);
export type ExemptionList = z.infer<typeof ExemptionList>;

/** The yearly follow-up; with a work-capacity assessment it also renews the clarification guarantee. */
export const RecordReview = z.object({ workCapacityAssessed: z.boolean().default(false) });
export type RecordReview = z.infer<typeof RecordReview>;
