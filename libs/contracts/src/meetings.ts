import { z } from 'zod';
import { datesInOrder, instant, isoDate, listOf, pageOf, pageQuery, StaffRef, uuid } from './common';
import { EffortEdit } from './plans';

export const meetingStatuses = ['proposed', 'scheduled', 'held', 'cancelled'] as const;
export const MeetingStatus = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const participantKinds = ['staff', 'doctor', 'citizen', 'guest'] as const;
export const ParticipantKind = z.enum(participantKinds);
export type ParticipantKind = z.infer<typeof ParticipantKind>;

export const ParticipantResponse = z.enum(['pending', 'accepted', 'declined']);

export const TimeRange = z.object({ start: instant, end: instant });
export type TimeRange = z.infer<typeof TimeRange>;

/**
 * A non-staff participant's current guest link, for the meeting page: when it was made and by whom (a staff
 * member through POST …/link, or Tværs for an invitation mail), when a mail last carried it, and whether its URL
 * was shown to staff (`copied`: it then shows no more than that staff member's own view).
 */
export const ParticipantLinkStatus = z.object({
  issuedAt: instant,
  issuedBy: z.object({ kind: z.enum(['staff', 'system']), name: z.string() }),
  mailedAt: instant.nullable(),
  copied: z.boolean(),
});
export type ParticipantLinkStatus = z.infer<typeof ParticipantLinkStatus>;

export const Participant = z.object({
  id: uuid,
  kind: ParticipantKind,
  name: z.string(),
  staffId: uuid.nullable().optional(),
  response: ParticipantResponse,
  /** Non-staff only: the participant's current link, or null (staff, or no link out). */
  link: ParticipantLinkStatus.nullable(),
  /**
   * Whether this participant may read and write the meeting's shared notes: staff, the doctor and the citizen
   * always; another guest (employer, companion, coordinator) only while the organiser shares them (notes-sharing).
   */
  notesShared: z.boolean(),
});
export type Participant = z.infer<typeof Participant>;

/** Shares the meeting's notes with another guest (`kind: "guest"`), or stops sharing them. */
export const NotesSharing = z.object({ shared: z.boolean() });
export type NotesSharing = z.infer<typeof NotesSharing>;

/** A meeting's shared notes as plain text (also after the meeting is held, when they are read-only). */
export const MeetingNotes = z.object({
  text: z.string(),
  /** False once the meeting is held or cancelled: the notes are kept as they were, read-only. */
  editable: z.boolean(),
});
export type MeetingNotes = z.infer<typeof MeetingNotes>;

/** One earlier version of the notes: the text after a run of one person's edits (newest first). */
export const NotesVersion = z.object({
  /** The update this version ends with; restore it with POST …/notes/restore {seq}. */
  seq: z.number().int().positive(),
  at: instant,
  author: z.object({ kind: z.enum(['staff', 'guest', 'system']), name: z.string() }),
  /** The text as it was then (at most 2,000 characters shown; `length` is its whole length). */
  excerpt: z.string(),
  length: z.number().int().min(0),
});
export type NotesVersion = z.infer<typeof NotesVersion>;

export const NotesHistory = listOf(NotesVersion);
export type NotesHistory = z.infer<typeof NotesHistory>;

/** Puts the notes back to the text of an earlier version (its `seq`); nothing of the history is lost. */
export const RestoreNotes = z.object({ seq: z.number().int().positive() });
export type RestoreNotes = z.infer<typeof RestoreNotes>;

/** A decision taken at a held meeting; `effort` names the effort of the plan it added or changed. */
export const MeetingDecision = z.object({
  text: z.string(),
  effort: z.object({ action: z.enum(['add', 'change']), effortId: uuid }).nullable(),
});
export type MeetingDecision = z.infer<typeof MeetingDecision>;

/** What came of a held meeting; `planVersion` is the plan version its effort decisions made (null: none). */
export const MeetingOutcome = z.object({
  summary: z.string(),
  decisions: z.array(MeetingDecision),
  heldAt: instant,
  heldBy: StaffRef,
  planVersion: z.number().int().nullable(),
});
export type MeetingOutcome = z.infer<typeof MeetingOutcome>;

/** A meeting as everyone allowed to read it sees it (live events carry this). */
export const MeetingCore = z.object({
  id: uuid,
  caseId: uuid,
  title: z.string(),
  status: MeetingStatus,
  start: instant.nullable(),
  end: instant.nullable(),
  proposals: z.array(TimeRange),
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  /** The points to go through, in order; empty: the roundtable's standard agenda. */
  agenda: z.array(z.string()),
  participants: z.array(Participant),
  /** A held meeting's outcome in answers about one meeting (not in lists); null before it is held. */
  outcome: MeetingOutcome.nullable().optional(),
});
export type MeetingCore = z.infer<typeof MeetingCore>;

/**
 * A meeting as the caller sees it. `canManage`: the caller may move, change or cancel it and issue, replace or
 * revoke its links (staff who may read its case); a staff participant from another team may not.
 * `myParticipantId`: the caller's own staff participant (to answer the invitation: POST …/response), or null.
 */
export const Meeting = MeetingCore.extend({
  canManage: z.boolean(),
  myParticipantId: uuid.nullable(),
  /** The citizen the meeting is about, in staff answers about one meeting (not in lists). */
  citizenName: z.string().optional(),
});
export type Meeting = z.infer<typeof Meeting>;

/** A page of a calendar period's or a case's meetings, by time (a proposed meeting by its first proposal). */
export const MeetingList = pageOf(Meeting);
export type MeetingList = z.infer<typeof MeetingList>;

/** A staff calendar (`from`, `to`, optionally `staffId`), or a case's meetings (`caseId`, optionally within `from`–`to`). */
export const MeetingListQuery = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    staffId: uuid.optional(),
    caseId: uuid.optional(),
    ...pageQuery,
  })
  .superRefine(
    (q, ctx) => {
      if (q.caseId === undefined) {
        if (q.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'required without caseId' });
        if (q.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'required without caseId' });
      }
      if ((q.from === undefined) !== (q.to === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [q.from === undefined ? 'from' : 'to'],
          message: 'from and to go together',
        });
      }
      if (q.from !== undefined && q.to !== undefined && Date.parse(q.from) >= Date.parse(q.to)) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
      }
      // Also when a field is malformed, so every bad or missing field is named at once.
    },
    { when: (p) => typeof p.value === 'object' && p.value !== null },
  );
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

const after = (r: { start: string; end: string }) => Date.parse(r.end) > Date.parse(r.start);
const MAX_MEETING_MS = 12 * 3_600_000;

/** A time a meeting is held or proposed at: end after start, at most 12 hours. */
export const MeetingTime = z
  .object({ start: instant, end: instant })
  .refine(after, { path: ['end'], message: 'end must be after start' })
  .refine((r) => Date.parse(r.end) - Date.parse(r.start) <= MAX_MEETING_MS, {
    path: ['end'],
    message: 'a meeting lasts at most 12 hours',
  });

const name = z.string().trim().min(1).max(200);
const email = z.email().max(254);
const phone = z.string().trim().min(3).max(40);

/** Who takes part: a colleague, the citizen's doctor, the citizen, or another guest without an account. */
export const ParticipantInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), staffId: uuid }),
  z.object({
    kind: z.literal('doctor'),
    name,
    email: email.optional(),
    phone: phone.optional(),
    clinic: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({ kind: z.literal('citizen') }),
  z.object({
    kind: z.literal('guest'),
    name,
    email: email.optional(),
    /** e.g. the region's health coordinator, a companion (bisidder), an employer. */
    role: z.string().trim().min(1).max(100),
  }),
]);
export type ParticipantInput = z.infer<typeof ParticipantInput>;

const meetingDetails = {
  agenda: z.array(z.string().trim().min(1).max(300)).max(15).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  location: z.string().trim().min(1).max(500).optional(),
  videoUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
};

/** Either `start` + `end` (scheduled) or 2–5 `proposals` (proposed), never both. */
export const CreateMeeting = z
  .object({
    caseId: uuid,
    ...meetingDetails,
    start: instant.optional(),
    end: instant.optional(),
    proposals: z.array(MeetingTime).min(2).max(5).optional(),
    participants: z.array(ParticipantInput).max(20),
  })
  .superRefine((m, ctx) => {
    const fixed = m.start !== undefined || m.end !== undefined;
    if (fixed && m.proposals !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['proposals'], message: 'give either start and end, or proposals' });
    } else if (!fixed && m.proposals === undefined) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: 'give start and end, or 2–5 proposals' });
    } else if (fixed) {
      if (m.start === undefined) ctx.addIssue({ code: 'custom', path: ['start'], message: 'required with end' });
      else if (m.end === undefined) ctx.addIssue({ code: 'custom', path: ['end'], message: 'required with start' });
      else {
        const time = MeetingTime.safeParse({ start: m.start, end: m.end });
        if (!time.success) ctx.addIssue({ code: 'custom', path: ['end'], message: time.error.issues[0].message });
      }
    }
    const starts = (m.proposals ?? []).map((p) => Date.parse(p.start));
    if (new Set(starts).size !== starts.length) {
      ctx.addIssue({ code: 'custom', path: ['proposals'], message: 'each proposal starts at its own time' });
    }
    const staff = m.participants.flatMap((p) => (p.kind === 'staff' ? [p.staffId] : []));
    if (new Set(staff).size !== staff.length) {
      ctx.addIssue({ code: 'custom', path: ['participants'], message: 'a staff member is listed twice' });
    }
    if (m.participants.filter((p) => p.kind === 'citizen').length > 1) {
      ctx.addIssue({ code: 'custom', path: ['participants'], message: 'the citizen is listed twice' });
    }
  });
export type CreateMeeting = z.infer<typeof CreateMeeting>;

/** Reschedule (start and/or end), change details, cancel, or mark held (only after it has started). */
export const UpdateMeeting = z.object({
  ...meetingDetails,
  start: instant.optional(),
  end: instant.optional(),
  /** Only cancelling: a meeting is marked held with its outcome (`POST /api/meetings/:id/outcome`), one way. */
  status: z
    .enum(['cancelled'], { error: 'only "cancelled"; mark a meeting held with POST /api/meetings/:id/outcome' })
    .optional(),
});
export type UpdateMeeting = z.infer<typeof UpdateMeeting>;

/** Marks a started meeting held with its summary and decisions; effort decisions change the plan in one version. */
export const RecordOutcome = z
  .object({
    summary: z.string().trim().min(1).max(10_000),
    decisions: z.array(z.object({ text: z.string().trim().min(1).max(2000), effort: EffortEdit.optional() })).max(30),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.decisions.forEach((d, i) => {
      const id = d.effort?.change?.effortId;
      if (id === undefined) return;
      if (seen.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['decisions', i, 'effort', 'change', 'effortId'],
          message: 'this effort is already changed by another decision',
        });
      }
      seen.add(id);
    });
  });
export type RecordOutcome = z.infer<typeof RecordOutcome>;

/** The doctors' participation in held meetings within [from, to] (dates, Europe/Copenhagen), for fee settlement. */
export const DoctorParticipationQuery = z.object({ from: isoDate, to: isoDate }).refine(...datesInOrder('from', 'to'));
export type DoctorParticipationQuery = z.infer<typeof DoctorParticipationQuery>;
