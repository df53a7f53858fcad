import * as Y from 'yjs';
import { decodeNotesUpdate, docOf, refusal, replaceText, textOf } from './notes-document';

/** A client's edit of its own document, as the update it makes. */
function edit(doc: Y.Doc, change: (text: Y.Text) => void): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  change(doc.getText('notes'));
  return update;
}

/** The server's document with the staff member's text and the owner of each client id. */
function server() {
  const staff = new Y.Doc();
  const doc = docOf(edit(staff, (t) => t.insert(0, 'Sagsbehandlerens tekst.')));
  const owners = new Map([[staff.clientID, 'staff:s']]);
  return { doc, owners, staff };
}

describe('refusal', () => {
  it('lets an author write under a new client id, not under one another author owns', () => {
    const { doc, owners, staff } = server();
    const guest = docOf(Y.encodeStateAsUpdate(doc));
    expect(
      refusal(doc, owners, 'guest:g', decodeNotesUpdate(edit(guest, (t) => t.insert(0, 'Hej '))), false),
    ).toBeNull();
    const forged = docOf(Y.encodeStateAsUpdate(doc));
    forged.clientID = staff.clientID;
    const update = edit(forged, (t) => t.insert(0, 'Falsk '));
    expect(refusal(doc, owners, 'guest:g', decodeNotesUpdate(update), false)).toMatch(/another author/);
    expect(refusal(doc, owners, 'staff:other', decodeNotesUpdate(update), true)).toMatch(/another author/);
  });

  it("refuses a guest's delete of others' text, lets staff delete it and a guest delete its own", () => {
    const { doc, owners } = server();
    const guest = docOf(Y.encodeStateAsUpdate(doc));
    const wipe = decodeNotesUpdate(edit(guest, (t) => t.delete(0, 5)));
    expect(refusal(doc, owners, 'guest:g', wipe, false)).toMatch(/only text they wrote/);
    expect(refusal(doc, owners, 'staff:s2', wipe, true)).toBeNull();

    const own = docOf(Y.encodeStateAsUpdate(doc));
    const typed = edit(own, (t) => t.insert(t.length, ' Gæstens.'));
    Y.applyUpdate(doc, typed);
    owners.set(own.clientID, 'guest:g');
    expect(
      refusal(doc, owners, 'guest:g', decodeNotesUpdate(edit(own, (t) => t.delete(t.length - 3, 3))), false),
    ).toBeNull();
  });

  it('accepts a delete set that only repeats deletions the document already has', () => {
    const { doc, owners, staff } = server();
    Y.applyUpdate(staff, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(
      doc,
      edit(staff, (t) => t.delete(0, 4)),
    );
    const guest = docOf(Y.encodeStateAsUpdate(doc));
    guest.getText('notes').insert(0, 'Læge: ');
    // A client's catch-up after a sync carries the whole delete set.
    const catchUp = Y.encodeStateAsUpdate(guest, Y.encodeStateVector(doc));
    expect(refusal(doc, owners, 'guest:g', decodeNotesUpdate(catchUp), false)).toBeNull();
  });
});

it('replaceText makes one update that turns the text into the target', () => {
  const { doc } = server();
  const change = replaceText(doc, 'Sagsbehandlerens nye tekst.')!;
  Y.applyUpdate(doc, change.update);
  expect(textOf(doc)).toBe('Sagsbehandlerens nye tekst.');
  expect(decodeNotesUpdate(change.update).clients).toEqual([change.client]);
  expect(replaceText(doc, 'Sagsbehandlerens nye tekst.')).toBeNull();
});
