// What the meeting, guest and notes tests start from: a case's meeting with guests who hold links, staff taking
// part, and the live room's socket calls.
import type { NotesAck } from '@tvaers/contracts';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { socketsPerTest, type TestApp } from './app';
import {
  addGuestParticipant,
  createCase,
  createMeeting,
  issueGuestLink,
  type MeetingOptions,
  type Staff,
} from './factories';

/** A participant without an account and the token of the link issued to them. */
export interface LinkedGuest {
  id: string;
  name: string;
  token: string;
}

/** A guest of the meeting holding a link that `by` issued through the API. */
export async function linkedGuest(
  t: TestApp,
  by: Pick<Staff, 'cookie'>,
  meetingId: string,
  kind: 'doctor' | 'citizen' | 'guest',
  name?: string,
): Promise<LinkedGuest> {
  const guest = await addGuestParticipant(t, meetingId, kind, name);
  return { ...guest, token: await issueGuestLink(t, by.cookie, meetingId, guest.id) };
}

/** A new case of `owner`'s and a meeting of it (tomorrow, unless `options` say when) with a doctor holding a link. */
export async function meetingWithDoctorLink(t: TestApp, owner: Staff, options: MeetingOptions = {}) {
  const { citizen, kase } = await createCase(t, owner.cookie, owner.id, 0.01);
  const meeting = await createMeeting(t, kase.id, owner, options);
  const doctor = await linkedGuest(t, owner, meeting.id, 'doctor');
  return { citizen, kase, meeting, doctor };
}

/** Adds a staff member (of any team) as a participant of the meeting; answers the participant's id. By SQL. */
export async function addStaffParticipant(
  t: TestApp,
  meetingId: string,
  staff: { id: string; name: string },
): Promise<string> {
  const [row] = await t.app
    .get(DataSource)
    .query<{ id: string }[]>(
      `INSERT INTO meeting_participant (meeting_id, kind, staff_id, name) VALUES ($1, 'staff', $2, $3) RETURNING id`,
      [meetingId, staff.id, staff.name],
    );
  return row.id;
}

/** Gives a participant an e-mail address (mails and codes go there). By SQL. */
export async function setParticipantEmail(t: TestApp, participantId: string, email: string): Promise<void> {
  await t.app.get(DataSource).query(`UPDATE meeting_participant SET email = $2 WHERE id = $1`, [participantId, email]);
}

/**
 * Sockets into the live room, closed after each test: staff by their session cookie (by default `staffCookie`'s, the
 * file's caseworker), guests by their link's token. `app`: the file's app; both are read when a socket is opened.
 */
export function roomSockets(app: () => TestApp, staffCookie: () => string) {
  const connect = socketsPerTest(app);
  const joined = async (s: Socket, meetingId: string) => {
    const ack = await joinMeeting(s, meetingId);
    if (!ack.ok) throw new Error(`meeting:join refused: ${ack.code}`);
    return s;
  };
  const staff = (cookie = staffCookie()) => connect({ cookie });
  const guest = (token: string) => connect({}, { token });
  return {
    staff,
    guest,
    /** A staff socket in the meeting's room. */
    staffIn: async (meetingId: string, cookie = staffCookie()) => joined(await staff(cookie), meetingId),
    /** A guest's socket in the meeting's room. */
    guestIn: async (token: string, meetingId: string) => joined(await guest(token), meetingId),
  };
}

export const joinMeeting = (s: Socket, meetingId: string) =>
  s.timeout(5000).emitWithAck('meeting:join', { meetingId }) as Promise<{ ok: boolean; code?: string }>;
export const syncNotes = (s: Socket, meetingId: string) =>
  s.timeout(5000).emitWithAck('meeting:notes:sync', { meetingId }) as Promise<NotesAck>;
/** Sends a Yjs update of the meeting's notes. */
export const sendNotes = (s: Socket, meetingId: string, update: Uint8Array) =>
  s.timeout(5000).emitWithAck('meeting:notes', {
    meetingId,
    update: Buffer.from(update).toString('base64'),
  }) as Promise<NotesAck>;
