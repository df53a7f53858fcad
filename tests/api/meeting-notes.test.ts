// Shared notes with guests who see only their part: another guest reads the notes
// only where the organiser shares them; no guest deletes text others wrote; the history restores a deletion;
// a size cap; one access-log row per person per meeting; the notes stay readable once the meeting is held.
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import type { Meeting, MeetingNotes, NotesAck, NotesHistory } from '@tvaers/contracts';
import { NOTES_MAX_BYTES } from '@tvaers/api/src/meeting-notes/notes-document';
import { startTestApp, type TestApp } from '../support/app';
import {
  addGuestParticipant,
  createCase,
  createMeeting,
  createStaff,
  issueGuestLink,
  type Staff,
} from '../support/factories';

let t: TestApp;
let sw: Staff;
const open: Socket[] = [];
beforeAll(async () => {
  t = await startTestApp();
  sw = await createStaff(t);
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
afterAll(() => t.close());

interface Room {
  meetingId: string;
  doctor: { id: string; token: string };
  employer: { id: string; token: string };
}

/** A meeting of the caseworker's with a doctor and an employer (kind `guest`), each holding a link. */
async function room(): Promise<Room> {
  const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
  const meeting = await createMeeting(t, kase.id, sw);
  const doctor = await addGuestParticipant(t, meeting.id, 'doctor');
  const employer = await addGuestParticipant(t, meeting.id, 'guest', `Arbejdsgiver ${meeting.id.slice(0, 6)}`);
  return {
    meetingId: meeting.id,
    doctor: { id: doctor.id, token: await issueGuestLink(t, sw.cookie, meeting.id, doctor.id) },
    employer: { id: employer.id, token: await issueGuestLink(t, sw.cookie, meeting.id, employer.id) },
  };
}

const track = (s: Socket) => (open.push(s), s);
const staffSocket = async () => track(await t.connect({ cookie: sw.cookie }));
const guestSocket = async (token: string) => track(await t.connect({}, { token }));
const join = (s: Socket, meetingId: string) => s.timeout(5000).emitWithAck('meeting:join', { meetingId });
const sync = (s: Socket, meetingId: string) =>
  s.timeout(5000).emitWithAck('meeting:notes:sync', { meetingId }) as Promise<NotesAck>;
const send = (s: Socket, meetingId: string, update: Uint8Array) =>
  s.timeout(5000).emitWithAck('meeting:notes', {
    meetingId,
    update: Buffer.from(update).toString('base64'),
  }) as Promise<NotesAck>;

/** The update one local edit of `doc` makes. */
function edit(doc: Y.Doc, change: (text: Y.Text) => void): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  change(doc.getText('notes'));
  return update;
}
const type = (doc: Y.Doc, text: string) => edit(doc, (t) => t.insert(t.length, text));

/** A client's document after a sync, as an editor holds it. */
async function synced(s: Socket, meetingId: string): Promise<Y.Doc> {
  const ack = await sync(s, meetingId);
  if (!ack.ok) throw new Error(ack.code);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(ack.update, 'base64'));
  return doc;
}

const textOf = async (meetingId: string) =>
  (await t.http().get(`/api/meetings/${meetingId}/notes`).set('cookie', sw.cookie).expect(200)).body as MeetingNotes;

const share = (meetingId: string, participantId: string, shared: boolean) =>
  t
    .http()
    .put(`/api/meetings/${meetingId}/participants/${participantId}/notes-sharing`)
    .set('cookie', sw.cookie)
    .send({ shared });

/** Resolves with the next `meeting:notes` relay, or with null once `settled` resolves without one. */
function relayDuring(s: Socket, settled: Promise<unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    const on = (p: unknown) => resolve(p);
    s.once('meeting:notes', on);
    void settled.then(
      // A relay goes out before the writer's ack: a round trip on this socket after it orders the two.
      () => sync(s, '00000000-0000-4000-8000-000000000000').finally(() => (s.off('meeting:notes', on), resolve(null))),
    );
  });
}

describe('notes shared per guest', () => {
  it('another guest sees the meeting but not the notes until the organiser shares them', async () => {
    const r = await room();
    const staff = await staffSocket();
    await join(staff, r.meetingId);
    const staffDoc = new Y.Doc();
    expect((await send(staff, r.meetingId, type(staffDoc, 'Angst og behandling hos psykiater. '))).ok).toBe(true);

    const employer = await guestSocket(r.employer.token);
    expect(await join(employer, r.meetingId)).toEqual({ ok: true });
    expect(await sync(employer, r.meetingId)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await send(employer, r.meetingId, type(new Y.Doc(), 'Hej'))).toEqual({ ok: false, code: 'NOT_FOUND' });
    // Nothing the staff member writes reaches the employer.
    const write = send(staff, r.meetingId, type(staffDoc, 'Mere. '));
    expect(await relayDuring(employer, write)).toBeNull();
    const view = (await t.http().get(`/api/guest/${r.employer.token}`).expect(200)).body as {
      guest: { notesShared: boolean };
    };
    expect(view.guest.notesShared).toBe(false);

    const shared = (await share(r.meetingId, r.employer.id, true).expect(200)).body as Meeting;
    expect(shared.participants.find((p) => p.id === r.employer.id)?.notesShared).toBe(true);
    // The open socket hears the notes from now on, and may read them.
    const heard = relayDuring(employer, send(staff, r.meetingId, type(staffDoc, 'Delt. ')));
    expect(await heard).toMatchObject({ meetingId: r.meetingId, text: expect.stringContaining('Delt.') as unknown });
    expect(await sync(employer, r.meetingId)).toMatchObject({
      ok: true,
      text: expect.stringContaining('Angst') as unknown,
    });

    await share(r.meetingId, r.employer.id, false).expect(200);
    expect(await relayDuring(employer, send(staff, r.meetingId, type(staffDoc, 'Igen privat. ')))).toBeNull();
    expect(await sync(employer, r.meetingId)).toEqual({ ok: false, code: 'NOT_FOUND' });

    const audit = await t.app
      .get(DataSource)
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'meeting.notes.share'`,
        [r.meetingId],
      );
    expect(audit[0].n).toBe(2);
  });

  it('the doctor reads the notes without a share; only other guests can be shared with', async () => {
    const r = await room();
    const doctor = await guestSocket(r.doctor.token);
    await join(doctor, r.meetingId);
    expect(await sync(doctor, r.meetingId)).toMatchObject({ ok: true });
    await share(r.meetingId, r.doctor.id, false).expect(400);
    const other = await createStaff(t);
    await t
      .http()
      .put(`/api/meetings/${r.meetingId}/participants/${r.employer.id}/notes-sharing`)
      .set('cookie', other.cookie)
      .send({ shared: true })
      .expect(404);
    await share(r.meetingId, '00000000-0000-4000-8000-000000000000', true).expect(404);
    await share(r.meetingId, r.employer.id, 'ja' as unknown as boolean).expect(400);
  });
});

describe("no guest deletes others' text", () => {
  it("refuses a guest's delete of the staff's and the doctor's text and keeps the document", async () => {
    const r = await room();
    await share(r.meetingId, r.employer.id, true).expect(200);
    const [staff, doctor, employer] = [
      await staffSocket(),
      await guestSocket(r.doctor.token),
      await guestSocket(r.employer.token),
    ];
    for (const s of [staff, doctor, employer]) await join(s, r.meetingId);
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
    const [staff, doctor] = [await staffSocket(), await guestSocket(r.doctor.token)];
    await join(staff, r.meetingId);
    await join(doctor, r.meetingId);
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
    const r = await room();
    const staff = await staffSocket();
    await join(staff, r.meetingId);
    const doc = new Y.Doc();
    await send(staff, r.meetingId, type(doc, 'Borgeren ønsker praktik.'));
    const history = async () =>
      (await t.http().get(`/api/meetings/${r.meetingId}/notes/history`).set('cookie', sw.cookie).expect(200))
        .body as NotesHistory;
    const [kept] = (await history()).items;
    expect(kept).toMatchObject({ excerpt: 'Borgeren ønsker praktik.', author: { kind: 'staff', name: sw.name } });
    await send(
      staff,
      r.meetingId,
      edit(doc, (text) => text.delete(0, text.length)),
    );
    expect((await textOf(r.meetingId)).text).toBe('');

    const doctor = await guestSocket(r.doctor.token);
    await join(doctor, r.meetingId);
    const relayed = new Promise<{ text: string }>((resolve) => doctor.once('meeting:notes', resolve));
    const restored = await t
      .http()
      .post(`/api/meetings/${r.meetingId}/notes/restore`)
      .set('cookie', sw.cookie)
      .send({ seq: kept.seq })
      .expect(200);
    expect(restored.body).toEqual({ text: 'Borgeren ønsker praktik.', editable: true });
    expect((await relayed).text).toBe('Borgeren ønsker praktik.');
    expect((await textOf(r.meetingId)).text).toBe('Borgeren ønsker praktik.');
    // The deletion started a version of its own; the whole history is kept: the text, its deletion, the restore.
    expect((await history()).items).toHaveLength(2);
    const kept3 = await t.app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM meeting_notes_update WHERE meeting_id = $1`, [
        r.meetingId,
      ]);
    expect(kept3[0].n).toBe(3);
    await t
      .http()
      .post(`/api/meetings/${r.meetingId}/notes/restore`)
      .set('cookie', sw.cookie)
      .send({ seq: kept.seq + 10_000_000 })
      .expect(404);
    const rewrite = t.app
      .get(DataSource)
      .query(`UPDATE meeting_notes_update SET author_name = 'x' WHERE meeting_id = $1`, [r.meetingId]);
    await expect(rewrite).rejects.toThrow(/append-only/);
  });
});

describe('size cap', () => {
  it('refuses a write that takes the notes past the cap and keeps them as they were', async () => {
    const r = await room();
    const staff = await staffSocket();
    await join(staff, r.meetingId);
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
    const [staff, doctor] = [await staffSocket(), await guestSocket(r.doctor.token)];
    await join(staff, r.meetingId);
    await join(doctor, r.meetingId);
    const [staffDoc, doctorDoc] = [await synced(staff, r.meetingId), await synced(doctor, r.meetingId)];
    // About two minutes of typing: a keystroke each, a few a second; concurrent writes of the two.
    for (let i = 0; i < 60; i++) {
      await Promise.all([
        send(staff, r.meetingId, type(staffDoc, 's')),
        send(doctor, r.meetingId, type(doctorDoc, 'd')),
      ]);
    }
    const rows = await t.app.get(DataSource).query<{ actor_kind: string; n: number }[]>(
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
    const r = await room();
    const staff = await staffSocket();
    await join(staff, r.meetingId);
    const doc = new Y.Doc();
    await send(staff, r.meetingId, type(doc, 'Aftalt: praktik.'));
    await t.app.get(DataSource).query(`UPDATE meeting SET status = 'held' WHERE id = $1`, [r.meetingId]);
    expect(await textOf(r.meetingId)).toEqual({ text: 'Aftalt: praktik.', editable: false });
    expect(await send(staff, r.meetingId, type(doc, ' Mere.'))).toEqual({ ok: false, code: 'MEETING_CLOSED' });
    // The doctor's link reads them too; the employer's only where shared.
    const byDoctor = await t.http().get(`/api/guest/${r.doctor.token}/notes`).expect(200);
    expect(byDoctor.body).toEqual({ text: 'Aftalt: praktik.', editable: false });
    await t.http().get(`/api/guest/${r.employer.token}/notes`).expect(404);
    await share(r.meetingId, r.employer.id, true).expect(200);
    await t.http().get(`/api/guest/${r.employer.token}/notes`).expect(200);
    const other = await createStaff(t);
    await t.http().get(`/api/meetings/${r.meetingId}/notes`).set('cookie', other.cookie).expect(404);
    await t.http().get(`/api/meetings/${r.meetingId}/notes`).expect(401);
  });
});
