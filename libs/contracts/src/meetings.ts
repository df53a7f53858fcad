import { z } from 'zod';
import { instant, listOf, uuid } from './common';

export const meetingStatuses = ['proposed', 'scheduled', 'held', 'cancelled'] as const;
export const MeetingStatus = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const participantKinds = ['staff', 'doctor', 'citizen', 'guest'] as const;
export const ParticipantKind = z.enum(participantKinds);
export type ParticipantKind = z.infer<typeof ParticipantKind>;

export const ParticipantResponse = z.enum(['pending', 'accepted', 'declined']);

export const TimeRange = z.object({ start: instant, end: instant });
export type TimeRange = z.infer<typeof TimeRange>;

export const Participant = z.object({
  id: uuid,
  kind: ParticipantKind,
  name: z.string(),
  staffId: uuid.nullable().optional(),
  response: ParticipantResponse,
});
export type Participant = z.infer<typeof Participant>;

export const Meeting = z.object({
  id: uuid,
  caseId: uuid,
  title: z.string(),
  status: MeetingStatus,
  start: instant.nullable(),
  end: instant.nullable(),
  proposals: z.array(TimeRange),
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  participants: z.array(Participant),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingList = listOf(Meeting);
export type MeetingList = z.infer<typeof MeetingList>;

export const MeetingListQuery = z
  .object({ from: instant, to: instant, staffId: uuid.optional() })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { path: ['to'], message: 'to must be after from' });
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;
