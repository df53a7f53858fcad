import * as Y from 'yjs';

/** The Y.Text of a meeting's notes document (docs/api.md "Live events"). */
const NOTES_TEXT = 'notes';
/** Transaction origins: what came from the server is not sent back. */
const REMOTE = 'remote';
const LOCAL = 'local';

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: String.fromCharCode with a whole document's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The smallest single replacement that turns `before` into `after`: delete `remove` chars at `at`, insert `insert`. */
export function textChange(before: string, after: string): { at: number; remove: number; insert: string } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { at: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Where an index of the old text lands after a Yjs delta; text inserted right at the index goes after it. */
export function moveIndex(index: number, delta: readonly { retain?: number; insert?: unknown; delete?: number }[]) {
  let old = 0;
  let moved = index;
  for (const op of delta) {
    if (old >= index) break;
    if (op.retain !== undefined) old += op.retain;
    else if (typeof op.insert === 'string') moved += op.insert.length;
    else if (op.delete !== undefined) {
      moved -= Math.min(op.delete, index - old);
      old += op.delete;
    }
  }
  return moved;
}

export type RemoteChange = (text: string, move: (index: number) => number) => void;

/**
 * A meeting's shared notes as a Yjs document: the textarea's edits go in as minimal inserts and deletes
 * (so concurrent typing merges), the server's updates come in with the caret moved past what others wrote.
 */
export class SharedNotes {
  doc = new Y.Doc();
  private text = this.doc.getText(NOTES_TEXT);
  private readonly listeners = new Set<RemoteChange>();

  /** Gets each local change as a base64 update; none while nobody sends (the next sync catches up). */
  private send: ((update: string) => void) | null = null;

  constructor() {
    this.bind();
  }

  private bind(): void {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) this.send?.(toBase64(update));
    });
    this.text.observe((event, transaction) => {
      if (transaction.origin === LOCAL) return;
      const delta = event.delta;
      const text = this.text.toJSON();
      for (const listener of this.listeners) listener(text, (index) => moveIndex(index, delta));
    });
  }

  /**
   * Starts over from the server's whole document, dropping local changes it refused (a guest deleting
   * others' text, the size cap): a CRDT cannot take back a local edit, so the document is replaced.
   */
  reset(serverDocument: string): void {
    this.doc.destroy();
    this.doc = new Y.Doc();
    this.text = this.doc.getText(NOTES_TEXT);
    Y.applyUpdate(this.doc, fromBase64(serverDocument), REMOTE);
    this.bind();
    const text = this.text.toJSON();
    for (const listener of this.listeners) listener(text, (index) => Math.min(index, text.length));
  }

  /** Calls `listener` with the new text and how to move a caret whenever the server changes the notes. */
  listen(listener: RemoteChange): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sendWith(send: ((update: string) => void) | null): void {
    this.send = send;
  }

  get value(): string {
    return this.text.toJSON();
  }

  /** The textarea now reads `next`: records the difference as one delete and one insert. */
  edit(next: string): void {
    const { at, remove, insert } = textChange(this.value, next);
    if (remove === 0 && insert === '') return;
    this.doc.transact(() => {
      if (remove > 0) this.text.delete(at, remove);
      if (insert) this.text.insert(at, insert);
    }, LOCAL);
  }

  /** An update from the server (another client's edit, or the whole document on sync). */
  receive(update: string): void {
    Y.applyUpdate(this.doc, fromBase64(update), REMOTE);
  }

  /** What this client has that the server's document (a whole-document update) lacks; null when nothing. */
  missingFrom(serverDocument: string): string | null {
    const missing = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVectorFromUpdate(fromBase64(serverDocument)));
    // An update with no structs and an empty delete set is 2 bytes: nothing to send.
    return missing.length > 2 ? toBase64(missing) : null;
  }

  destroy(): void {
    this.doc.destroy();
  }
}
