import { z } from 'zod';
import { Discipline, instant, isoDate, uuid } from './common';
import { Meeting, Participant, ParticipantKind } from './meetings';
import { EffortStatus, EffortType } from './plans';

/** A participant's link: `url` ends in the token, which is shown only here, once. */
export const GuestLink = z.object({ url: z.string().url(), expiresAt: instant });
export type GuestLink = z.infer<typeof GuestLink>;

/** The meeting as a guest sees it: no participants' contact data, no case. */
export const GuestMeeting = Meeting.omit({ caseId: true, participants: true, outcome: true });
export type GuestMeeting = z.infer<typeof GuestMeeting>;

/** The link's holder: a participant without an account. */
export const GuestSelf = z.object({
  participantId: uuid,
  kind: ParticipantKind.exclude(['staff']),
  ...Participant.pick({ name: true, response: true, notesShared: true }).shape,
});
export type GuestSelf = z.infer<typeof GuestSelf>;

export const wellbeing = z.number().int().min(1).max(10);

export const OwnAssessment = z.object({
  id: uuid,
  caseId: uuid,
  meetingId: uuid.nullable(),
  text: z.string(),
  wellbeing: wellbeing.nullable(),
  createdAt: instant,
});
export type OwnAssessment = z.infer<typeof OwnAssessment>;

/** The part of the plan the citizen shares with their doctor (consent `plan_excerpt_to_doctor`). */
export const PlanExcerpt = z.object({
  citizenGoal: z.string(),
  jobGoal: z.string(),
  efforts: z.array(
    z.object({
      type: EffortType,
      title: z.string(),
      discipline: Discipline,
      status: EffortStatus,
      startDate: isoDate.nullable(),
      endDate: isoDate.nullable(),
    }),
  ),
  /** The citizen's latest own health assessment for this meeting, if given. */
  ownAssessment: OwnAssessment.nullable(),
});
export type PlanExcerpt = z.infer<typeof PlanExcerpt>;

/**
 * Set when the municipality requires a one-time code sent to the guest's e-mail (GUEST_EMAIL_CODE) and this
 * browser has not given it yet: the page then shows the meeting only, no health data. `emailHint` is the
 * masked address the code goes to; null when the participant has no e-mail (then no code can be sent).
 */
export const GuestCodeGate = z.object({ emailHint: z.string().nullable() });
export type GuestCodeGate = z.infer<typeof GuestCodeGate>;

export const GuestView = z.object({
  meeting: GuestMeeting,
  guest: GuestSelf,
  planExcerpt: PlanExcerpt.nullable(),
  /** Null: nothing held back. Otherwise `planExcerpt` is null until the code is verified. */
  codeGate: GuestCodeGate.nullable(),
});
export type GuestView = z.infer<typeof GuestView>;

export const GuestCodeSent = z.object({ emailHint: z.string(), expiresAt: instant });
export type GuestCodeSent = z.infer<typeof GuestCodeSent>;

export const VerifyGuestCode = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});
export type VerifyGuestCode = z.infer<typeof VerifyGuestCode>;

export const ChooseTime = z.object({ start: instant });
export type ChooseTime = z.infer<typeof ChooseTime>;

export const RespondToMeeting = z.object({ response: z.enum(['accepted', 'declined']) });
export type RespondToMeeting = z.infer<typeof RespondToMeeting>;

export const workCapacities = ['full', 'partial', 'none', 'unclear'] as const;
export const WorkCapacity = z.enum(workCapacities);
export type WorkCapacity = z.infer<typeof WorkCapacity>;

const longText = z.string().trim().min(1).max(20_000);

export const CreateHealthStatement = z.object({
  workCapacity: WorkCapacity,
  assessment: longText,
  recommendations: longText,
  restrictions: z.string().trim().max(20_000).optional(),
});
export type CreateHealthStatement = z.infer<typeof CreateHealthStatement>;

/** The doctor's statement at a roundtable: the documentation that replaces a medical certificate. */
export const HealthStatement = z.object({
  id: uuid,
  caseId: uuid,
  meetingId: uuid.nullable(),
  doctorName: z.string(),
  workCapacity: WorkCapacity,
  assessment: z.string(),
  recommendations: z.string(),
  restrictions: z.string().nullable(),
  createdAt: instant,
});
export type HealthStatement = z.infer<typeof HealthStatement>;

export const CreateOwnAssessment = z.object({ text: longText, wellbeing: wellbeing.optional() });
export type CreateOwnAssessment = z.infer<typeof CreateOwnAssessment>;

export const HealthStatementList = z.object({
  items: z.array(HealthStatement),
  /** True when statements were left out: the reader is outside health and the citizen's consent does not cover them. */
  healthHidden: z.boolean(),
});
export type HealthStatementList = z.infer<typeof HealthStatementList>;

export const OwnAssessmentList = z.object({ items: z.array(OwnAssessment), healthHidden: z.boolean() });
export type OwnAssessmentList = z.infer<typeof OwnAssessmentList>;
