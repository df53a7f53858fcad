import { Injectable } from '@nestjs/common';
import type { MeetingNotes, NotesHistory, NotesState } from '@tvaers/contracts';
import * as Y from 'yjs';
import { AccessService } from '../access/access.service';
import { notesPermission, Permission } from '../access/permission';
import type { Actor, StaffActor } from '../common/auth/actor';
import type { DomainEvent } from '../common/events/domain-events';
import { forbidden, notFound, ProblemError, validationFailed } from '../common/problem/problem';
import { meetingClosed } from '../meetings/meetings.errors';
import { type NotesHead, MeetingNotesRepository, type NotesUpdateRow } from './meeting-notes.repository';
import {
  type AuthorKey,
  decodeNotesUpdate,
  docOf,
  NOTES_MAX_BYTES,
  refusal,
  replaceText,
  textOf,
} from './notes-document';

export { NOTES_TEXT } from './notes-document';

/** A larger single update is refused outright: typing sends small ones, and the whole document is capped. */
const MAX_UPDATE_BYTES = NOTES_MAX_BYTES;
/** The snapshot is rewritten after this many updates or bytes since the last (not on every keystroke). */
const COMPACT_EVERY_UPDATES = 500;
const COMPACT_EVERY_BYTES = 64 * 1024;
/** Documents kept in this process's memory (least recently used go first). */
const CACHED_DOCUMENTS = 50;
/** Versions shown in the history: runs of one author's edits, at most this far apart. */
const VERSION_GAP_MS = 2 * 60_000;
/** An update deleting more than this many characters starts a new version (so what it removed can be restored). */
const VERSION_DELETE_CHARS = 20;

const deletedBy = (update: Uint8Array) => {
  let chars = 0;
  for (const ranges of decodeNotesUpdate(update).ds.values()) for (const r of ranges) chars += r.len;
  return chars;
};
const HISTORY_VERSIONS = 50;
const EXCERPT_CHARS = 2000;

const notesTooLarge = () =>
  new ProblemError(
    413,
    'NOTES_TOO_LARGE',
    `The meeting's notes may not pass ${NOTES_MAX_BYTES / 1024} KiB; the change was not saved.`,
  );

const authorOf = (actor: Actor) =>
  actor.kind === 'staff'
    ? { kind: 'staff' as const, id: actor.id, name: actor.name }
    : { kind: 'guest' as const, id: actor.participantId, name: actor.name };
const keyOf = (a: { kind: string; id: string | null }): AuthorKey => `${a.kind}:${a.id ?? ''}`;

/** One meeting's document in memory, as of the update `seq` of its history, and who owns which client ids. */
interface Loaded {
  doc: Y.Doc;
  seq: number;
  owners: Map<number, AuthorKey>;
}

/**
 * A meeting's shared notes: a Yjs document whose every accepted update is kept (append-only, with its author),
 * with a snapshot compacted now and then and the merged document cached in memory. A write appends its update
 * and applies it to the cached document (no re-encoding of the whole document per keystroke); another
 * process's writes are caught up from the history. Staff with access to the meeting, the doctor and the
 * citizen read and write; another guest only where the organiser shares the notes with them. A guest never
 * deletes text others wrote; staff can restore any earlier version.
 */
@Injectable()
export class MeetingNotesService {
  private readonly cache = new Map<string, Loaded>();

  constructor(
    private readonly repo: MeetingNotesRepository,
    private readonly access: AccessService,
  ) {}

  /** The whole document, as one update, and its text (for a client joining the live room). */
  async sync(actor: Actor, meetingId: string): Promise<NotesState> {
    await this.access.require(actor, notesPermission(actor, 'read'), meetingId);
    const { doc } = await this.current(meetingId);
    return { update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'), text: textOf(doc) };
  }

  /** The text, also once the meeting is held (then read-only), for staff pages and the outcome's draft. */
  async read(actor: Actor, meetingId: string): Promise<MeetingNotes> {
    await this.access.require(actor, notesPermission(actor, 'read'), meetingId);
    const [{ doc }, status] = [await this.current(meetingId), await this.repo.meetingStatus(meetingId)];
    return { text: textOf(doc), editable: status === 'proposed' || status === 'scheduled' };
  }

  /** Whether this actor may read the notes (a guest of kind `guest` only where they are shared). */
  async mayRead(actor: Actor, meetingId: string): Promise<boolean> {
    try {
      await this.access.require(actor, notesPermission(actor, 'read'), meetingId);
      return true;
    } catch (err) {
      if (err instanceof ProblemError && err.status === 404) return false;
      throw err;
    }
  }

  /**
   * Applies one client's update: checked against the author's rights and the size cap, appended to the
   * history and applied to the cached document under the notes' row lock. The access log gets one row per
   * person per meeting, not one per keystroke. Answers the merged text.
   */
  async apply(actor: Actor, meetingId: string, update: string): Promise<{ text: string }> {
    const bytes = Buffer.from(update, 'base64');
    if (bytes.length === 0 || bytes.toString('base64') !== update) {
      throw validationFailed([{ path: 'update', message: 'a base64 Yjs update' }]);
    }
    if (bytes.length > MAX_UPDATE_BYTES) throw notesTooLarge();
    let decoded: ReturnType<typeof decodeNotesUpdate>;
    try {
      decoded = decodeNotesUpdate(bytes);
    } catch {
      throw validationFailed([{ path: 'update', message: 'not a Yjs update' }]);
    }
    try {
      return await this.access.change(actor, notesPermission(actor, 'write'), meetingId, async () => {
        const text = await this.append(actor, meetingId, bytes, decoded, actor.kind === 'staff');
        return { result: { text }, audit: { entityId: meetingId, once: true } };
      });
    } catch (err) {
      // Refused before anything was applied, or rolled back after: either way the cache must not keep it.
      if (!(err instanceof ProblemError)) this.forget(meetingId);
      throw err;
    }
  }

  /**
   * Puts the notes back to their text as of an earlier update of the history (a deletion undone): one new
   * update by the restoring staff member, relayed to the room; nothing of the history is lost.
   */
  async restore(actor: StaffActor, meetingId: string, seq: number): Promise<MeetingNotes> {
    return this.access.change(actor, Permission.MeetingNotesRestore, meetingId, async () => {
      const head = await this.repo.lock(meetingId);
      if (seq > head.headSeq) throw notFound('Version');
      const then = await this.repo.updates(meetingId, 0, seq);
      if (then.length === 0 || then[then.length - 1].seq !== seq) throw notFound('Version');
      const target = textOf(docOf(...then.map((u) => u.update)));
      const loaded = await this.loadedUnderLock(meetingId, head);
      const change = replaceText(loaded.doc, target);
      const events: DomainEvent[] = [];
      if (change) {
        const text = await this.append(actor, meetingId, change.update, decodeNotesUpdate(change.update), true, head);
        const update = Buffer.from(change.update).toString('base64');
        events.push(['meeting.notes.changed', { meetingId, update, text }]);
      }
      return {
        result: { text: target, editable: head.status === 'proposed' || head.status === 'scheduled' },
        audit: { entityId: meetingId, details: { seq } },
        events,
      };
    });
  }

  /**
   * The notes' earlier versions, newest first: the text after each run of one author's edits (a run ends when
   * another author writes, after a pause, or before a larger deletion).
   */
  async history(actor: StaffActor, meetingId: string): Promise<NotesHistory> {
    await this.access.require(actor, notesPermission(actor, 'read'), meetingId);
    const rows = await this.repo.updates(meetingId, 0);
    const doc = new Y.Doc();
    const versions: NotesHistory['items'] = [];
    rows.forEach((row, i) => {
      Y.applyUpdate(doc, row.update);
      const next = rows[i + 1] as NotesUpdateRow | undefined;
      const runEnds =
        !next ||
        next.authorKind !== row.authorKind ||
        next.authorId !== row.authorId ||
        next.at.getTime() - row.at.getTime() > VERSION_GAP_MS ||
        deletedBy(next.update) > VERSION_DELETE_CHARS;
      if (!runEnds) return;
      const text = textOf(doc);
      versions.push({
        seq: row.seq,
        at: row.at.toISOString(),
        author: { kind: row.authorKind, name: row.authorName },
        excerpt: text.slice(0, EXCERPT_CHARS),
        length: text.length,
      });
    });
    doc.destroy();
    return { items: versions.reverse().slice(0, HISTORY_VERSIONS) };
  }

  /** Checks, appends and applies one update under the row lock (taken here unless the caller holds it). */
  private async append(
    actor: Actor,
    meetingId: string,
    bytes: Uint8Array,
    decoded: ReturnType<typeof decodeNotesUpdate>,
    mayDeleteOthers: boolean,
    locked?: NotesHead,
  ): Promise<string> {
    const head = locked ?? (await this.repo.lock(meetingId));
    if (head.status !== 'proposed' && head.status !== 'scheduled') throw meetingClosed(head.status);
    const loaded = await this.loadedUnderLock(meetingId, head);
    const author = authorOf(actor);
    const why = refusal(loaded.doc, loaded.owners, keyOf(author), decoded, mayDeleteOthers);
    if (why) throw forbidden(why);
    // The snapshot plus every update since is an upper bound of the merged size; only near the cap is it measured.
    const bound = head.snapshotBytes + head.pendingBytes;
    if (bound + bytes.length > NOTES_MAX_BYTES) {
      const probe = docOf(Y.encodeStateAsUpdate(loaded.doc), bytes);
      const size = Y.encodeStateAsUpdate(probe).length;
      probe.destroy();
      if (size > NOTES_MAX_BYTES) throw notesTooLarge();
    }
    const created = decoded.clients.filter((c) => !loaded.owners.has(c));
    try {
      Y.applyUpdate(loaded.doc, bytes);
      const seq = await this.repo.append(meetingId, author, created, bytes);
      loaded.seq = seq;
      for (const c of created) loaded.owners.set(c, keyOf(author));
      const compact =
        head.pendingCount + 1 >= COMPACT_EVERY_UPDATES ||
        head.pendingBytes + bytes.length >= COMPACT_EVERY_BYTES ||
        bound + bytes.length > NOTES_MAX_BYTES;
      if (compact) await this.repo.compact(meetingId, Y.encodeStateAsUpdate(loaded.doc), seq);
      return textOf(loaded.doc);
    } catch (err) {
      // The cached document may now hold what the database does not: load it afresh next time.
      this.forget(meetingId);
      throw err;
    }
  }

  /** The cached document brought up to the locked head (another process may have written since). */
  private async loadedUnderLock(meetingId: string, head: NotesHead): Promise<Loaded> {
    return this.catchUp(meetingId, head.headSeq);
  }

  /** The document as committed now (without a lock), for reads. */
  private async current(meetingId: string): Promise<Loaded> {
    return this.catchUp(meetingId, await this.repo.head(meetingId));
  }

  private async catchUp(meetingId: string, headSeq: number): Promise<Loaded> {
    let loaded = this.cache.get(meetingId);
    // The history only grows: a head behind ours was erased (retention) or never committed. Load afresh; the
    // old document is dropped, not destroyed, as a write in flight may still hold it.
    if (loaded && headSeq < loaded.seq) {
      this.cache.delete(meetingId);
      loaded = undefined;
    }
    if (!loaded) {
      const snapshot = await this.repo.snapshot(meetingId);
      const owners = new Map<number, AuthorKey>();
      for (const o of await this.repo.owners(meetingId)) owners.set(o.client, keyOf(o));
      loaded = { doc: docOf(snapshot.state), seq: snapshot.seq, owners };
    }
    if (loaded.seq < headSeq) {
      for (const row of await this.repo.updates(meetingId, loaded.seq)) {
        Y.applyUpdate(loaded.doc, row.update);
        for (const c of row.clientIds) loaded.owners.set(c, keyOf({ kind: row.authorKind, id: row.authorId }));
        loaded.seq = Math.max(loaded.seq, row.seq);
      }
    }
    // Most recently used last; the oldest goes when the cache is full.
    this.cache.delete(meetingId);
    this.cache.set(meetingId, loaded);
    if (this.cache.size > CACHED_DOCUMENTS) this.forget(this.cache.keys().next().value!);
    return loaded;
  }

  private forget(meetingId: string): void {
    this.cache.get(meetingId)?.doc.destroy();
    this.cache.delete(meetingId);
  }

  /** Retention: their meetings' notes go (citizens anonymised in the caller's transaction). */
  anonymiseCitizens(citizenIds: string[]): Promise<void> {
    return this.repo.anonymiseCitizens(citizenIds);
  }
}
