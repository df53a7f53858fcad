import { z } from 'zod';
import { datesInOrder, Discipline, instant, isoDate, listOf, StaffRef, uuid } from './common';

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
  updatedBy: StaffRef.nullable(),
});
export type Plan = z.infer<typeof Plan>;

export const UpdatePlan = z.object({
  citizenGoal: z.string().max(4000).optional(),
  jobGoal: z.string().max(2000).optional(),
  contactPlan: ContactPlan.optional(),
});
export type UpdatePlan = z.infer<typeof UpdatePlan>;

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
  .refine(...datesInOrder('startDate', 'endDate'));
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
  .refine(...datesInOrder('startDate', 'endDate'));
export type UpdateEffort = z.infer<typeof UpdateEffort>;

/** A change of one named effort, as a meeting's decision makes it (the fields of UpdateEffort). */
export const ChangeEffort = z
  .object({ effortId: uuid, ...updateEffortFields })
  .refine(stopNeedsReason, { path: ['stopReason'], message: 'a reason is required to stop an effort' })
  .refine(...datesInOrder('startDate', 'endDate'));
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
  by: StaffRef.nullable(),
  changes: z.array(PlanChange),
  /** True when changes to health efforts were left out: the reader is outside health and consent does not cover them. */
  healthHidden: z.boolean(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;
export const PlanHistory = listOf(PlanVersion);
export type PlanHistory = z.infer<typeof PlanHistory>;

/** The yearly follow-up; with a work-capacity assessment it also renews the clarification guarantee. */
export const RecordReview = z.object({ workCapacityAssessed: z.boolean().default(false) });
export type RecordReview = z.infer<typeof RecordReview>;
