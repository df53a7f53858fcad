// The live meeting room (docs/api.md "Live events"): presence, meeting updates and shared Yjs notes, for staff
// (session cookie) and guests (`auth: {token}` of their link).
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import type { PresentPerson } from '@tvaers/contracts';
import { SocketRevalidation } from '@tvaers/api/src/realtime/socket-revalidation';
import { startTestApp } from '../support/app';
import { createStaff, staffSuite } from '../support/factories';
import { disconnected, nextEvent } from '../support/wait';
import {
  joinMeeting as join,
  meetingWithDoctorLink,
  roomSockets,
  sendNotes,
  syncNotes as sync,
} from '../support/meeting-fixtures';
import { auditCount } from '../support/audit';

const s = staffSuite();

/** A meeting of the caseworker's with a doctor holding a link issued through the API. */
async function room() {
  const { meeting, doctor } = await meetingWithDoctorLink(s.t, s.sw);
  return { meetingId: meeting.id, doctor, token: doctor.token };
}

const sockets = roomSockets(
  () => s.t,
  () => s.sw.cookie,
);

/** A client's own document with `text` typed into its notes; answers the update that typing made. */
function typed(doc: Y.Doc, text: string, at = 0): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('notes').insert(at, text);
  return Y.encodeStateAsUpdate(doc, before);
}

const ids = (present: PresentPerson[]) =>
  present.map((p) => ('staffId' in p ? `staff:${p.staffId}` : `participant:${p.participantId}`)).sort();

describe('joining', () => {
  it('staff and the doctor see each other in the presence, and the doctor leaving', async () => {
    const r = await room();
    const staff = await sockets.staff();
    expect(await join(staff, r.meetingId)).toEqual({ ok: true });
    const doctor = await sockets.guest(r.token);
    const both = nextEvent<{ present: PresentPerson[] }>(staff, 'meeting:presence', (p) => p.present.length === 2);
    const seenByDoctor = nextEvent<{ present: PresentPerson[] }>(doctor, 'meeting:presence');
    expect(await join(doctor, r.meetingId)).toEqual({ ok: true });
    const expected = [`participant:${r.doctor.id}`, `staff:${s.sw.id}`].sort();
    expect(ids((await both).present)).toEqual(expected);
    expect(ids((await seenByDoctor).present)).toEqual(expected);
    expect((await both).present).toContainEqual({ participantId: r.doctor.id, name: r.doctor.name });

    const alone = nextEvent<{ present: PresentPerson[] }>(staff, 'meeting:presence', (p) => p.present.length === 1);
    doctor.close();
    expect(ids((await alone).present)).toEqual([`staff:${s.sw.id}`]);
  });

  it('logs a join as a read of the meeting', async () => {
    const r = await room();
    await sockets.guestIn(r.token, r.meetingId);
    const rows = await s.ds.query<{ action: string }[]>(
      `SELECT action FROM audit_entry WHERE entity_id = $1 AND actor_kind = 'guest' AND action = 'meeting.read'`,
      [r.meetingId],
    );
    expect(rows).toHaveLength(1);
  });

  it("refuses a guest another meeting's room, and its notes", async () => {
    const [mine, other] = [await room(), await room()];
    const doctor = await sockets.guest(mine.token);
    expect(await join(doctor, other.meetingId)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await sync(doctor, other.meetingId)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await sendNotes(doctor, other.meetingId, typed(new Y.Doc(), 'ind'))).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    const staff = await sockets.staff();
    await join(staff, other.meetingId);
    expect((await sync(staff, other.meetingId)) as unknown).toMatchObject({ ok: true, text: '' });
  });

  it('refuses staff without access to the meeting', async () => {
    const r = await room();
    const stranger = await createStaff(s.t);
    expect(await join(await sockets.staff(stranger.cookie), r.meetingId)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('guest connections', () => {
  it('refuses an unknown token at connect', async () => {
    await expect(s.t.connect({}, { token: 'A'.repeat(43) })).rejects.toThrow('UNAUTHENTICATED');
  });

  it("disconnects a revoked link's socket, and refuses it afterwards", async () => {
    const r = await room();
    const doctor = await sockets.guestIn(r.token, r.meetingId);
    const closed = disconnected(doctor);
    await s.sw.api.meetings.revokeLink(r.meetingId, r.doctor.id);
    expect(await closed).toBe('io server disconnect');
    await expect(s.t.connect({}, { token: r.token })).rejects.toThrow('UNAUTHENTICATED');
  });

  it("disconnects an expired link's socket on revalidation, and refuses it afterwards", async () => {
    const r = await room();
    const other = await room();
    const doctor = await sockets.guest(r.token);
    const stays = await sockets.guest(other.token);
    await join(doctor, r.meetingId);
    const closed = disconnected(doctor);
    await s.ds.query(
      `UPDATE meeting SET start_at = now() - interval '8 days 1 hour', end_at = now() - interval '8 days' WHERE id = $1`,
      [r.meetingId],
    );
    await s.t.app.get(SocketRevalidation).revalidate();
    expect(await closed).toBe('io server disconnect');
    expect(stays.connected).toBe(true);
    await expect(s.t.connect({}, { token: r.token })).rejects.toThrow('UNAUTHENTICATED');
  });
});

describe('shared notes', () => {
  it('two clients typing at once both keep their text and end with the same merged text', async () => {
    const r = await room();
    const [staff, doctor] = [await sockets.staffIn(r.meetingId), await sockets.guestIn(r.token, r.meetingId)];
    const [staffDoc, doctorDoc] = [new Y.Doc(), new Y.Doc()];
    // Each relays to the other; each applies what it hears, as an editor would.
    const heard = (socket: Socket, doc: Y.Doc) =>
      nextEvent<{ update: string; text: string }>(socket, 'meeting:notes').then((p) => {
        Y.applyUpdate(doc, Buffer.from(p.update, 'base64'));
        return p.text;
      });
    const [staffHeard, doctorHeard] = [heard(staff, staffDoc), heard(doctor, doctorDoc)];
    const [a, b] = await Promise.all([
      sendNotes(staff, r.meetingId, typed(staffDoc, 'Borgeren ønsker praktik. ')),
      sendNotes(doctor, r.meetingId, typed(doctorDoc, 'Kan arbejde 10 timer. ')),
    ]);
    expect(a.ok && b.ok).toBe(true);
    await Promise.all([staffHeard, doctorHeard]);
    const merged = staffDoc.getText('notes').toJSON();
    expect(merged).toContain('Borgeren ønsker praktik. ');
    expect(merged).toContain('Kan arbejde 10 timer. ');
    expect(doctorDoc.getText('notes').toJSON()).toBe(merged);
    expect(((await sync(staff, r.meetingId)) as { text: string }).text).toBe(merged);
  });

  it("a late joiner's sync returns the whole document", async () => {
    const r = await room();
    const staff = await sockets.staffIn(r.meetingId);
    const doc = new Y.Doc();
    await sendNotes(staff, r.meetingId, typed(doc, 'Første punkt. '));
    await sendNotes(staff, r.meetingId, typed(doc, 'Andet punkt. ', doc.getText('notes').length));
    const doctor = await sockets.guestIn(r.token, r.meetingId);
    const ack = (await sync(doctor, r.meetingId)) as { ok: true; update: string; text: string };
    expect(ack.text).toBe('Første punkt. Andet punkt. ');
    const late = new Y.Doc();
    Y.applyUpdate(late, Buffer.from(ack.update, 'base64'));
    expect(late.getText('notes').toJSON()).toBe('Første punkt. Andet punkt. ');
  });

  it('a new app on the same database still returns the document', async () => {
    const r = await room();
    const staff = await sockets.staffIn(r.meetingId);
    await sendNotes(staff, r.meetingId, typed(new Y.Doc(), 'Gemt på tværs af genstart.'));
    const other = await startTestApp();
    try {
      const socket = await other.connect({ cookie: s.sw.cookie });
      await join(socket, r.meetingId);
      expect(((await sync(socket, r.meetingId)) as { text: string }).text).toBe('Gemt på tværs af genstart.');
      socket.close();
    } finally {
      await other.close();
    }
  });

  it('logs writes as one change of the meeting notes per person, not one per keystroke', async () => {
    const r = await room();
    const doctor = await sockets.guestIn(r.token, r.meetingId);
    const doc = new Y.Doc();
    await sendNotes(doctor, r.meetingId, typed(doc, 'a'));
    await sendNotes(doctor, r.meetingId, typed(doc, 'b'));
    const staff = await sockets.staffIn(r.meetingId);
    await sendNotes(staff, r.meetingId, typed(new Y.Doc(), 'c'));
    expect(await auditCount(s.ds, { entityId: r.meetingId, action: 'meeting.notes.update' })).toBe(2);
  });

  it('refuses an update that is not a Yjs update', async () => {
    const r = await room();
    const staff = await sockets.staffIn(r.meetingId);
    expect(await sendNotes(staff, r.meetingId, new Uint8Array([1, 2, 3, 250, 251]))).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('meeting:updated', () => {
  it('follows a change of the meeting’s place, as every change of its life', async () => {
    const r = await room();
    const staff = await sockets.staffIn(r.meetingId);
    const pushed = nextEvent<{ meeting: { id: string; location: string | null } }>(staff, 'meeting:updated');
    await s.sw.api.meetings.update(r.meetingId, { location: 'Lokale 7' });
    expect((await pushed).meeting).toMatchObject({ id: r.meetingId, location: 'Lokale 7' });
  });

  it('tells staff the meeting and the guest its own view of it when it is cancelled', async () => {
    const r = await room();
    const [staff, doctor] = [await sockets.staffIn(r.meetingId), await sockets.guestIn(r.token, r.meetingId)];
    type Payload = { meeting: { id: string; status: string; participants?: unknown } };
    const [forStaff, forDoctor] = [
      nextEvent<Payload>(staff, 'meeting:updated'),
      nextEvent<Payload>(doctor, 'meeting:updated'),
    ];
    await s.sw.api.meetings.update(r.meetingId, { status: 'cancelled' });
    expect((await forStaff).meeting).toMatchObject({
      id: r.meetingId,
      status: 'cancelled',
      participants: expect.any(Array) as unknown,
    });
    expect((await forDoctor).meeting).toMatchObject({ id: r.meetingId, status: 'cancelled' });
    expect((await forDoctor).meeting.participants).toBeUndefined();
  });
});
