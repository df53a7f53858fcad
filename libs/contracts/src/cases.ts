import { z } from 'zod';
import { instant, listOf, pageOf, pageQuery, staffFields, uuid } from './common';

export const CaseStatus = z.enum(['active', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** What a closed case led to, for the outcome figures; `closeReason` stays the free-text explanation. */
export const closeOutcomes = ['job', 'education', 'flexjob', 'other'] as const;
export const CloseOutcome = z.enum(closeOutcomes);
export type CloseOutcome = z.infer<typeof CloseOutcome>;

/** Case weight for ceilings: a positive number with at most two decimals. */
export const CaseWeight = z
  .number()
  .positive()
  .max(10)
  .refine((w) => Math.round(w * 100) === w * 100, 'at most two decimals');

export const Override = z.object({ reason: z.string().trim().min(3).max(1000) });

export const CaseMember = z.object({ ...staffFields, role: z.string() });
export type CaseMember = z.infer<typeof CaseMember>;

/**
 * A colleague of the case's team (caseworker or health staff) who can be named an effort's owner or invited
 * to a meeting: naming or inviting one who is not yet on the case makes them a member.
 */
export const CaseColleague = z.object({
  ...staffFields,
  /** Responsible for the case or already a member. */
  onCase: z.boolean(),
});
export type CaseColleague = z.infer<typeof CaseColleague>;
export const CaseColleagueList = listOf(CaseColleague);
export type CaseColleagueList = z.infer<typeof CaseColleagueList>;

export const Case = z.object({
  id: uuid,
  citizenId: uuid,
  citizenName: z.string(),
  cprMasked: z.string(),
  benefit: z.string(),
  teamId: uuid,
  /** Null while the case waits in the team's intake queue. */
  responsibleId: uuid.nullable(),
  responsibleName: z.string().nullable(),
  status: CaseStatus,
  weight: z.number(),
  closeReason: z.string().nullable(),
  closeOutcome: CloseOutcome.nullable(),
  members: z.array(CaseMember),
  openedAt: instant,
  closedAt: instant.nullable(),
});
export type Case = z.infer<typeof Case>;
/**
 * Active cases and their summed weight per responsible person of a case list: every active caseworker or
 * health professional of the listed teams (also those without cases), and anyone else responsible for a
 * listed case. Counts follow the list's team, benefit and search filters, not its responsible person or
 * status filter, so the summary always shows the whole team. `responsibleId` null: cases without anyone.
 */
export const ResponsibleTotal = z.object({
  responsibleId: uuid.nullable(),
  responsibleName: z.string().nullable(),
  activeCases: z.number().int(),
  weight: z.number(),
});
export type ResponsibleTotal = z.infer<typeof ResponsibleTotal>;
/**
 * One page of a case list: `total` counts the whole filtered list; `totals` sum the whole team (see
 * ResponsibleTotal), whichever page is asked for.
 */
export const CaseList = pageOf(Case).extend({ totals: z.array(ResponsibleTotal) });
export type CaseList = z.infer<typeof CaseList>;

export const CreateCase = z.object({
  citizenId: uuid,
  /** Omitted: the case waits in the intake queue of `teamId` (default: the actor's first team). */
  responsibleId: uuid.optional(),
  teamId: uuid.optional(),
  /** Omitted: the default weight of the citizen's benefit (1 unless configured). */
  weight: CaseWeight.optional(),
  override: Override.optional(),
});
export type CreateCase = z.infer<typeof CreateCase>;

export const UpdateCase = z
  .object({
    responsibleId: uuid.optional(),
    status: CaseStatus.optional(),
    closeReason: z.string().trim().min(3).max(1000).optional(),
    /** What the course led to; a case closed without one counts as `other` (docs/api.md's close has only a reason). */
    closeOutcome: CloseOutcome.optional(),
    weight: CaseWeight.optional(),
    override: Override.optional(),
  })
  .refine((v) => v.status !== 'closed' || v.closeReason !== undefined, {
    path: ['closeReason'],
    message: 'a reason is required to close a case',
  });
export type UpdateCase = z.infer<typeof UpdateCase>;

/** Closing a case in the web app: what the course led to is asked for, since the outcome figures count it. */
export const CloseCase = UpdateCase.refine((v) => v.status !== 'closed' || v.closeOutcome !== undefined, {
  path: ['closeOutcome'],
  message: 'an outcome is required to close a case',
});

export const caseSorts = ['citizen', 'responsible', 'opened', 'weight'] as const;
export const CaseSort = z.enum(caseSorts);
export type CaseSort = z.infer<typeof CaseSort>;
/** The most case ids one case-list request takes (`ids`): the address must stay within header limits. */
export const caseIdsMax = 250;

export const CaseQuery = z.object({
  responsibleId: uuid.optional(),
  status: CaseStatus.optional(),
  teamId: uuid.optional(),
  /** Comma-separated team ids: cases of any of these teams (e.g. all teams a manager leads). */
  teamIds: z
    .string()
    .transform((s) => [...new Set(s.split(',').map((id) => id.trim()))])
    .pipe(z.array(uuid).min(1).max(20))
    .optional(),
  /** Cases this staff member takes part in: responsible for, or a member of. */
  memberId: uuid.optional(),
  benefit: z.string().optional(),
  q: z.string().trim().max(100).optional(),
  /** Order of the list (default `citizen`); ties by citizen name, then newest, then id. */
  sort: CaseSort.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  /** Comma-separated case ids (at most 250, so the address stays within header limits), e.g. the cases behind an outcome figure. */
  ids: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(uuid).max(caseIdsMax))
    .optional(),
  /** A page of the list; the cursor only goes with the same filter and order. */
  ...pageQuery,
});
export type CaseQuery = z.input<typeof CaseQuery>;
export type CaseFilterQuery = z.output<typeof CaseQuery>;

export const SetCaseMember = z.object({ staffId: uuid, role: z.string().trim().min(2).max(100) });
export type SetCaseMember = z.infer<typeof SetCaseMember>;

/** Give a (queued or assigned) case to a responsible person; past the ceiling only with a manager's override. */
export const AssignCase = z.object({
  staffId: uuid,
  reason: z.string().trim().min(3).max(1000).optional(),
  override: Override.optional(),
});
export type AssignCase = z.infer<typeof AssignCase>;

/** The most cases one move takes: a person's whole caseload, with room to spare. */
export const caseMoveMax = 100;
const caseIdList = z
  .array(uuid)
  .min(1)
  .max(caseMoveMax)
  .refine((ids) => new Set(ids).size === ids.length, 'each case at most once');

/**
 * Several cases of one team to one colleague at once, all or none: the ceiling rule applies to their summed
 * weight (past it only with a manager's override, recorded for each case).
 */
export const MoveCases = AssignCase.extend({ caseIds: caseIdList });
export type MoveCases = z.infer<typeof MoveCases>;
export const MovedCases = listOf(Case);
export type MovedCases = z.infer<typeof MovedCases>;

/** Cases (comma-separated ids, of one team) to find room for together. */
export const MoveSuggestionsQuery = z.object({
  caseIds: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(caseIdList),
});
export type MoveSuggestionsQuery = z.input<typeof MoveSuggestionsQuery>;

/** One change of a case's responsible person: intake (from null), reassignment, reopening, closing (to null). */
export const CaseAssignment = z.object({
  id: uuid,
  at: instant,
  teamId: uuid,
  fromStaffId: uuid.nullable(),
  fromName: z.string().nullable(),
  toStaffId: uuid.nullable(),
  toName: z.string().nullable(),
  byStaffId: uuid.nullable(),
  byName: z.string().nullable(),
  reason: z.string().nullable(),
  weight: z.number(),
});
export type CaseAssignment = z.infer<typeof CaseAssignment>;
export const CaseAssignmentList = listOf(CaseAssignment);
export type CaseAssignmentList = z.infer<typeof CaseAssignmentList>;

/** Someone who could take the case: same discipline first, then who knows the citizen, then lowest utilisation. */
export const AssignmentSuggestion = z.object({
  ...staffFields,
  load: z.number(),
  ceiling: z.number().nullable(),
  utilization: z.number().nullable(),
  /** Already has or had a case of the citizen, or is a member of one. */
  knowsCitizen: z.boolean(),
});
export type AssignmentSuggestion = z.infer<typeof AssignmentSuggestion>;
export const AssignmentSuggestionList = listOf(AssignmentSuggestion);
export type AssignmentSuggestionList = z.infer<typeof AssignmentSuggestionList>;
