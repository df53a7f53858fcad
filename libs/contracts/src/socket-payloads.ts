import { z } from 'zod';

// What clients send with the events of ClientToServerEvents (realtime.ts). Ids are checked for their shape
// only (any UUID version): one of another shape names nothing, as an unknown id.

/** `plan:join`, `plan:leave`: a case's plan room. */
export const PlanRoomPayload = z.object({ caseId: z.guid() });
export type PlanRoomPayload = z.infer<typeof PlanRoomPayload>;

/** `meeting:join`, `meeting:leave`, `meeting:notes:sync`: a meeting's live room. */
export const MeetingRoomPayload = z.object({ meetingId: z.guid() });
export type MeetingRoomPayload = z.infer<typeof MeetingRoomPayload>;

/** `meeting:notes`: one Yjs update (base64) of the meeting's shared notes. */
export const NotesWritePayload = MeetingRoomPayload.extend({ update: z.string() });
export type NotesWritePayload = z.infer<typeof NotesWritePayload>;
