// Shared notes with guests who see only their part: another guest reads the notes
// only where the organiser shares them; no guest deletes text others wrote; the history restores a deletion;
// a size cap; one access-log row per person per meeting; the notes stay readable once the meeting is held.
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import type { NotesAck } from '@tvaers/contracts';
import { NOTES_MAX_BYTES } from '@tvaers/api/src/meeting-notes/notes-document';
import { apiClient, invalid, problem } from '../support/client';
import { createStaff, staffSuite } from '../support/factories';
import {
  joinMeeting as join,
  linkedGuest,
  meetingWithDoctorLink,
  roomSockets,
  sendNotes as send,
  syncNotes as sync,
} from '../support/meeting-fixtures';
import { auditCount } from '../support/audit';

const s = staffSuite();

/** A meeting of the caseworker's with a doctor and an employer (kind `guest`), each holding a link. */
async function room() {
  const { meeting, doctor } = await meetingWithDoctorLink(s.t, s.sw);
  const employer = await linkedGuest(s.t, s.sw, meeting.id, 'guest', `Arbejdsgiver ${meeting.id.slice(0, 6)}`);
  return { meetingId: meeting.id, doctor, employer };
}

const sockets = roomSockets(
  () => s.t,
  () => s.sw.cookie,
);

/** A room with the organiser (the file's caseworker) in it, who has written `text`: their socket and document. */
async function roomWithNotes(text: string) {
  const r = await room();
  const staff = await sockets.staffIn(r.meetingId);
  const doc = new Y.Doc();
  const written = await send(staff, r.meetingId, type(doc, text));
  return { r, staff, doc, written };
}

/** The update one local edit of `doc` makes. */
function edit(doc: Y.Doc, change: (text: Y.Text) => void): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  change(doc.getText('notes'));
  return update;
}
const type = (doc: Y.Doc, text: string) => edit(doc, (t) => t.insert(t.length, text));

/** A client's document after a sync, as an editor holds it. */
async function synced(socket: Socket, meetingId: string): Promise<Y.Doc> {
  const ack = await sync(socket, meetingId);
  if (!ack.ok) throw new Error(ack.code);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(ack.update, 'base64'));
  return doc;
}

const textOf = (meetingId: string) => s.sw.api.meetings.notes(meetingId);

const share = (meetingId: string, participantId: string, shared: boolean) =>
  s.sw.api.meetings.shareNotes(meetingId, participantId, { shared });

/** Resolves with the next `meeting:notes` relay, or with null once `settled` resolves without one. */
function relayDuring(socket: Socket, settled: Promise<unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    const on = (p: unknown) => resolve(p);
    socket.once('meeting:notes', on);
    void settled.then(
      // A relay goes out before the writer's ack: a round trip on this socket after it orders the two.
      () =>
        sync(socket, '00000000-0000-4000-8000-000000000000').finally(
          () => (socket.off('meeting:notes', on), resolve(null)),
        ),
    );
  });
}

describe('notes shared per guest', () => {
  it('another guest sees the meeting but not the notes until the organiser shares them', async () => {
    const { r, staff, doc: staffDoc, written } = await roomWithNotes('Angst og behandling hos psykiater. ');
    expect(written.ok).toBe(true);

    const employer = await sockets.guest(r.employer.token);
    expect(await join(employer, r.meetingId)).toEqual({ ok: true });
    expect(await sync(employer, r.meetingId)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await send(employer, r.meetingId, type(new Y.Doc(), 'Hej'))).toEqual({ ok: false, code: 'NOT_FOUND' });
    // Nothing the staff member writes reaches the employer.
    const write = send(staff, r.meetingId, type(staffDoc, 'Mere. '));
    expect(await relayDuring(employer, write)).toBeNull();
    const view = await apiClient(s.t).guests.view(r.employer.token);
    expect(view.guest.notesShared).toBe(false);

    const shared = await share(r.meetingId, r.employer.id, true);
    expect(shared.participants.find((p) => p.id === r.employer.id)?.notesShared).toBe(true);
    // The open socket hears the notes from now on, and may read them.
    const heard = relayDuring(employer, send(staff, r.meetingId, type(staffDoc, 'Delt. ')));
    expect(await heard).toMatchObject({ meetingId: r.meetingId, text: expect.stringContaining('Delt.') as unknown });
    expect(await sync(employer, r.meetingId)).toMatchObject({
      ok: true,
      text: expect.stringContaining('Angst') as unknown,
    });

    await share(r.meetingId, r.employer.id, false);
    expect(await relayDuring(employer, send(staff, r.meetingId, type(staffDoc, 'Igen privat. ')))).toBeNull();
    expect(await sync(employer, r.meetingId)).toEqual({ ok: false, code: 'NOT_FOUND' });

    expect(await auditCount(s.ds, { entityId: r.meetingId, action: 'meeting.notes.share' })).toBe(2);
  });

  it('the doctor reads the notes without a share; only other guests can be shared with', async () => {
    const r = await room();
    const doctor = await sockets.guestIn(r.doctor.token, r.meetingId);
    expect(await sync(doctor, r.meetingId)).toMatchObject({ ok: true });
    expect((await problem(share(r.meetingId, r.doctor.id, false))).status).toBe(400);
    const other = await createStaff(s.t);
    const outsider = other.api.meetings.shareNotes(r.meetingId, r.employer.id, { shared: true });
    expect((await problem(outsider)).status).toBe(404);
    expect((await problem(share(r.meetingId, '00000000-0000-4000-8000-000000000000', true))).status).toBe(404);
    expect(await problem(share(r.meetingId, r.employer.id, invalid('ja')))).toMatchObject({
      status: 400,
      paths: ['shared'],
    });
  });
});

describe("no guest deletes others' text", () => {
  it("refuses a guest's delete of the staff's and the doctor's text and keeps the document", async () => {
    const r = await room();
    await share(r.meetingId, r.employer.id, true);
    const [staff, doctor, employer] = [
      await sockets.staff(),
      await sockets.guest(r.doctor.token),
      await sockets.guest(r.employer.token),
    ];
    for (const socket of [staff, doctor, employer]) await join(socket, r.meetingId);
    await send(staff, r.meetingId, type(new Y.Doc(), 'Sagsbehandlerens tekst. '));
    const doctorDoc = await synced(doctor, r.meetingId);
    await send(doctor, r.meetingId, type(doctorDoc, 'Lægens tekst. '));
    const before = (await textOf(r.meetingId)).text;

    const employerDoc = await synced(employer, r.meetingId);
    const wipe = edit(employerDoc, (text) => text.delete(0, text.length));
    expect(await send(employer, r.meetingId, wipe)).toEqual({ ok: false, code: 'FORBIDDEN' });
    const lastWord = edit(await synced(employer, r.meetingId), (text) => text.delete(text.length - 7, 7));
    expect(await send(employer, r.meetingId, lastWord)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect((await textOf(r.meetingId)).text).toBe(before);

    // Its own text the employer may delete again; staff may edit everything.
    const own = await synced(employer, r.meetingId);
    expect((await send(employer, r.meetingId, type(own, 'Arbejdsgiver: ja. '))).ok).toBe(true);
    const ownDelete = edit(own, (text) => text.delete(text.length - 4, 4));
    expect(await send(employer, r.meetingId, ownDelete)).toMatchObject({ ok: true });
    const staffDoc = await synced(staff, r.meetingId);
    expect(
      await send(
        staff,
        r.meetingId,
        edit(staffDoc, (text) => text.delete(0, text.length)),
      ),
    ).toMatchObject({
      ok: true,
      text: '',
    });
  });

  it("accepts a guest's catch-up that repeats deletions already made, refuses writing under another's client id", async () => {
    const r = await room();
    const [staff, doctor] = [await sockets.staffIn(r.meetingId), await sockets.guestIn(r.doctor.token, r.meetingId)];
    const staffDoc = new Y.Doc();
    await send(staff, r.meetingId, type(staffDoc, 'Først. Slettes.'));
    await send(
      staff,
      r.meetingId,
      edit(staffDoc, (text) => text.delete(7, 8)),
    );
    // As the web client does after a sync: all it has that the server lacks (with the whole delete set).
    const doctorDoc = await synced(doctor, r.meetingId);
    doctorDoc.getText('notes').insert(0, 'Læge: ');
    const ack = (await sync(doctor, r.meetingId)) as { ok: true; update: string };
    const missing = Y.encodeStateAsUpdate(doctorDoc, Y.encodeStateVectorFromUpdate(Buffer.from(ack.update, 'base64')));
    expect(await send(doctor, r.meetingId, missing)).toMatchObject({ ok: true, text: 'Læge: Først. ' });

    // The doctor's document pretending to be the staff member's client.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(staffDoc));
    forged.clientID = staffDoc.clientID;
    expect(await send(doctor, r.meetingId, type(forged, ' Forfalsket.'))).toEqual({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('history', () => {
  it('restores text a deletion removed, for everyone in the room', async () => {
    const { r, staff, doc } = await roomWithNotes('Borgeren ønsker praktik.');
    const history = () => s.sw.api.meetings.notesHistory(r.meetingId);
    const [kept] = (await history()).items;
    expect(kept).toMatchObject({ excerpt: 'Borgeren ønsker praktik.', author: { kind: 'staff', name: s.sw.name } });
    await send(
      staff,
      r.meetingId,
      edit(doc, (text) => text.delete(0, text.length)),
    );
    expect((await textOf(r.meetingId)).text).toBe('');

    const doctor = await sockets.guestIn(r.doctor.token, r.meetingId);
    const relayed = new Promise<{ text: string }>((resolve) => doctor.once('meeting:notes', resolve));
    const restored = await s.sw.api.meetings.restoreNotes(r.meetingId, { seq: kept.seq });
    expect(restored).toEqual({ text: 'Borgeren ønsker praktik.', editable: true });
    expect((await relayed).text).toBe('Borgeren ønsker praktik.');
    expect((await textOf(r.meetingId)).text).toBe('Borgeren ønsker praktik.');
    // The deletion started a version of its own; the whole history is kept: the text, its deletion, the restore.
    expect((await history()).items).toHaveLength(2);
    const kept3 = await s.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM meeting_notes_update WHERE meeting_id = $1`,
      [r.meetingId],
    );
    expect(kept3[0].n).toBe(3);
    const unknown = await problem(s.sw.api.meetings.restoreNotes(r.meetingId, { seq: kept.seq + 10_000_000 }));
    expect(unknown.status).toBe(404);
    const rewrite = s.ds.query(`UPDATE meeting_notes_update SET author_name = 'x' WHERE meeting_id = $1`, [
      r.meetingId,
    ]);
    await expect(rewrite).rejects.toThrow(/append-only/);
  });
});

describe('size cap', () => {
  it('refuses a write that takes the notes past the cap and keeps them as they were', async () => {
    const r = await room();
    const staff = await sockets.staffIn(r.meetingId);
    const doc = new Y.Doc();
    const chunk = 'Lang tekst. '.repeat(4000); // ~48 KB of text per write
    let ack: NotesAck = { ok: true, update: '', text: '' };
    let writes = 0;
    while (ack.ok && writes < 10) {
      ack = await send(staff, r.meetingId, type(doc, chunk));
      writes++;
    }
    expect(ack).toEqual({ ok: false, code: 'NOTES_TOO_LARGE' });
    expect(writes).toBeGreaterThan(1);
    const kept = await textOf(r.meetingId);
    expect(kept.text).toBe(chunk.repeat(writes - 1));
    expect(Buffer.byteLength(kept.text)).toBeLessThanOrEqual(NOTES_MAX_BYTES);
  });
});

describe('access log', () => {
  it('two people typing for two minutes write one notes row each', async () => {
    const r = await room();
    const [staff, doctor] = [await sockets.staffIn(r.meetingId), await sockets.guestIn(r.doctor.token, r.meetingId)];
    const [staffDoc, doctorDoc] = [await synced(staff, r.meetingId), await synced(doctor, r.meetingId)];
    // About two minutes of typing: a keystroke each, a few a second; concurrent writes of the two.
    for (let i = 0; i < 60; i++) {
      await Promise.all([
        send(staff, r.meetingId, type(staffDoc, 's')),
        send(doctor, r.meetingId, type(doctorDoc, 'd')),
      ]);
    }
    const rows = await s.ds.query<{ actor_kind: string; n: number }[]>(
      `SELECT actor_kind, count(*)::int AS n FROM audit_entry
          WHERE entity_id = $1 AND action = 'meeting.notes.update' GROUP BY actor_kind ORDER BY actor_kind`,
      [r.meetingId],
    );
    expect(rows).toEqual([
      { actor_kind: 'guest', n: 1 },
      { actor_kind: 'staff', n: 1 },
    ]);
  });
});

describe('held meetings', () => {
  it('keeps the notes readable and read-only once the meeting is held', async () => {
    const { r, staff, doc } = await roomWithNotes('Aftalt: praktik.');
    await s.ds.query(`UPDATE meeting SET status = 'held' WHERE id = $1`, [r.meetingId]);
    expect(await textOf(r.meetingId)).toEqual({ text: 'Aftalt: praktik.', editable: false });
    expect(await send(staff, r.meetingId, type(doc, ' Mere.'))).toEqual({ ok: false, code: 'MEETING_CLOSED' });
    // The doctor's link reads them too; the employer's only where shared.
    const guest = apiClient(s.t).guests;
    expect(await guest.notes(r.doctor.token)).toEqual({ text: 'Aftalt: praktik.', editable: false });
    expect((await problem(guest.notes(r.employer.token))).status).toBe(404);
    await share(r.meetingId, r.employer.id, true);
    await guest.notes(r.employer.token);
    const other = await createStaff(s.t);
    expect((await problem(other.api.meetings.notes(r.meetingId))).status).toBe(404);
    expect((await problem(apiClient(s.t).meetings.notes(r.meetingId))).status).toBe(401);
  });
});
