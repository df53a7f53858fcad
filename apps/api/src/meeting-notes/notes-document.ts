import * as Y from 'yjs';

/** The Y.Text of a meeting's notes document (docs/api.md "Live events"). */
export const NOTES_TEXT = 'notes';

/**
 * The size cap of one meeting's notes: their merged Yjs state may not pass 256 KiB. That is some 100 pages
 * of typed text, far beyond a meeting's notes, and keeps every sync, relay and snapshot small (a 4.2 MB
 * document made each write take 869 ms).
 */
export const NOTES_MAX_BYTES = 256 * 1024;

/** Who wrote an update: `staff:<id>` or `guest:<participantId>`; each Yjs client id belongs to one author. */
export type AuthorKey = string;

export const docOf = (...updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) if (u.length > 0) Y.applyUpdate(doc, u);
  return doc;
};

export const textOf = (doc: Y.Doc) => doc.getText(NOTES_TEXT).toJSON();

/** The client ids whose items an update creates (its structs), and its delete set. */
export function decodeNotesUpdate(update: Uint8Array): {
  clients: number[];
  ds: Map<number, { clock: number; len: number }[]>;
} {
  const { structs, ds } = Y.decodeUpdate(update);
  return {
    clients: [...new Set(structs.map((s) => s.id.client))],
    ds: ds.clients,
  };
}

/**
 * Why an author may not apply this update to the document, or null. Text belongs to the Yjs client ids that
 * created it, and a client id to the first author who wrote with it: an update may create text only under
 * the author's own client ids (a new one is claimed). A guest may delete only its own text: a deletion of
 * another author's items that are still there is refused (a delete set repeating deletions the document
 * already has, as a client's catch-up after a sync does, is fine). Staff may edit all text.
 */
export function refusal(
  doc: Y.Doc,
  owners: ReadonlyMap<number, AuthorKey>,
  author: AuthorKey,
  update: { clients: number[]; ds: Map<number, { clock: number; len: number }[]> },
  mayDeleteOthers: boolean,
): string | null {
  for (const client of update.clients) {
    const owner = owners.get(client);
    if (owner !== undefined ? owner !== author : Y.getState(doc.store, client) > 0) {
      return 'The update writes under another author’s client id.';
    }
  }
  if (mayDeleteOthers) return null;
  for (const [client, ranges] of update.ds) {
    if (owners.get(client) === author) continue;
    if (ranges.some((r) => !alreadyDeleted(doc, client, r.clock, r.len))) {
      return 'A guest may delete only text they wrote themselves.';
    }
  }
  return null;
}

/** Whether every item of `client` in [clock, clock + len) is in the document and already deleted. */
function alreadyDeleted(doc: Y.Doc, client: number, clock: number, len: number): boolean {
  if (len <= 0) return true;
  if (clock + len > Y.getState(doc.store, client)) return false;
  const structs = doc.store.clients.get(client);
  if (!structs) return false;
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const struct = structs[i];
    if (struct.id.clock >= clock + len) break;
    if (!struct.deleted) return false;
  }
  return true;
}

/** The update that turns the document's text into `target` (one replacement by a new client id), and that id. */
export function replaceText(doc: Y.Doc, target: string): { update: Uint8Array; client: number } | null {
  const copy = docOf(Y.encodeStateAsUpdate(doc));
  let update: Uint8Array = new Uint8Array();
  copy.once('update', (u: Uint8Array) => (update = u));
  const text = copy.getText(NOTES_TEXT);
  const now = text.toJSON();
  let start = 0;
  const shorter = Math.min(now.length, target.length);
  while (start < shorter && now[start] === target[start]) start++;
  let end = 0;
  while (end < shorter - start && now[now.length - 1 - end] === target[target.length - 1 - end]) end++;
  const remove = now.length - start - end;
  const insert = target.slice(start, target.length - end);
  if (remove === 0 && insert === '') return null;
  copy.transact(() => {
    if (remove > 0) text.delete(start, remove);
    if (insert) text.insert(start, insert);
  });
  return { update, client: copy.clientID };
}
