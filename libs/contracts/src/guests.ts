import { z } from 'zod';
import { Discipline, healthListOf, instant, isoDate, uuid } from './common';
import { MeetingCore, Participant, ParticipantKind } from './meetings';
import { EffortStatus, EffortType } from './plans';

/**
 * A participant's new link: `url` ends in the token. It is shown to the staff member who asked, so the link shows
 * no more than their own view; `mailed`: it is also being mailed to the participant (who has an e-mail).
 */
export const GuestLink = z.object({ url: z.string().url(), expiresAt: instant, mailed: z.boolean() });
export type GuestLink = z.infer<typeof GuestLink>;

/** The meeting as a guest sees it: no participants' contact data, no case. */
export const GuestMeeting = MeetingCore.omit({ caseId: true, participants: true, outcome: true });
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

export const workCapacities = ['full', 'partial', 'none', 'unclear'] as const;
export const WorkCapacity = z.enum(workCapacities);
export type WorkCapacity = z.infer<typeof WorkCapacity>;

/** Who the meeting is about: on the doctor's and the citizen's own link only (name, birth date from the CPR). */
export const GuestCitizen = z.object({ name: z.string(), birthDate: isoDate });
export type GuestCitizen = z.infer<typeof GuestCitizen>;

/** Who invites: the municipality and unit (configured), and the organiser to call or write to. */
export const GuestHost = z.object({
  municipality: z.string().nullable(),
  unit: z.string().nullable(),
  organizer: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
});
export type GuestHost = z.infer<typeof GuestHost>;

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

/** A statement as its doctor sees it again on their link (read-only). */
export const GivenHealthStatement = HealthStatement.omit({ caseId: true, meetingId: true, doctorName: true });
export type GivenHealthStatement = z.infer<typeof GivenHealthStatement>;

export const GivenOwnAssessment = z.object({
  id: uuid,
  text: z.string(),
  wellbeing: z.number().int().nullable(),
  createdAt: instant,
});
export type GivenOwnAssessment = z.infer<typeof GivenOwnAssessment>;

/** What this link's holder has sent through it, newest first: shown to them read-only. */
export const GuestGiven = z.object({
  healthStatements: z.array(GivenHealthStatement),
  ownAssessments: z.array(GivenOwnAssessment),
});
export type GuestGiven = z.infer<typeof GuestGiven>;

/** One change a decision made to an effort, as the citizen reads it (owner: no name, only that it changed). */
export const GuestEffortChange = z.object({
  field: z.enum(['title', 'ownerId', 'startDate', 'endDate', 'status']),
  to: z.string().nullable(),
});
export type GuestEffortChange = z.infer<typeof GuestEffortChange>;

export const GuestDecision = z.object({
  text: z.string(),
  /** The effort of the plan the decision added or changed; null: no effort (or one the citizen's link does not show). */
  effort: z
    .object({
      action: z.enum(['add', 'change']),
      type: EffortType,
      title: z.string(),
      changes: z.array(GuestEffortChange),
    })
    .nullable(),
});
export type GuestDecision = z.infer<typeof GuestDecision>;

/** A held meeting's summary and decisions, on the citizen's own link only. */
export const GuestOutcome = z.object({ summary: z.string(), heldAt: instant, decisions: z.array(GuestDecision) });
export type GuestOutcome = z.infer<typeof GuestOutcome>;

export const GuestView = z.object({
  meeting: GuestMeeting,
  guest: GuestSelf,
  planExcerpt: PlanExcerpt.nullable(),
  /** Null: nothing held back. Otherwise `planExcerpt`, `citizen`, `given` and `outcome` are empty until the code is verified. */
  codeGate: GuestCodeGate.nullable(),
  /**
   * Set on the citizen's link when its URL was shown to a staff member (POST …/link) whose own view is narrower
   * than the citizen's: the link then shows no more than that staff member may see (health efforts, the access
   * log). The full part opens through a link only mailed to the citizen. Null: nothing held back for this reason.
   */
  limitedBy: z.object({ name: z.string() }).nullable(),
  /** The citizen (name, birth date): doctor and citizen links only; null for other guests. */
  citizen: GuestCitizen.nullable(),
  host: GuestHost,
  /** The municipality's fee line (DOCTOR_FEE_TEXT): doctor links only. */
  feeText: z.string().nullable(),
  given: GuestGiven,
  /** A held meeting's outcome: the citizen's link only. */
  outcome: GuestOutcome.nullable(),
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

const longText = z.string().trim().min(1).max(20_000);

export const CreateHealthStatement = z.object({
  workCapacity: WorkCapacity,
  assessment: longText,
  recommendations: longText,
  restrictions: z.string().trim().max(20_000).optional(),
});
export type CreateHealthStatement = z.infer<typeof CreateHealthStatement>;

export const CreateOwnAssessment = z.object({ text: longText, wellbeing: wellbeing.optional() });
export type CreateOwnAssessment = z.infer<typeof CreateOwnAssessment>;

export const HealthStatementList = healthListOf(HealthStatement);
export type HealthStatementList = z.infer<typeof HealthStatementList>;

export const OwnAssessmentList = healthListOf(OwnAssessment);
export type OwnAssessmentList = z.infer<typeof OwnAssessmentList>;

/** Staff reading what guests gave on a case: all of it, or only what was given for one of its meetings. */
export const HealthDataQuery = z.object({ meetingId: uuid.optional() });
export type HealthDataQuery = z.infer<typeof HealthDataQuery>;
