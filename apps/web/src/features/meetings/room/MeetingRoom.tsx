import type { PresentPerson } from '@tvaers/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MeetingRoomState, type NotesRefusal, presenceKey } from './useMeetingRoom';
import type { SharedNotes } from './shared-notes';
import './meeting-room.css';

/** The standard roundtable agenda, for a meeting planned without its own. */
const standardAgenda = ['welcome', 'citizen', 'health', 'plan', 'agreements'] as const;

/**
 * The live meeting room, the same for staff and guests: who is here now, the agenda, and the notes that
 * everyone in the room writes together.
 */
export function MeetingRoom({ room, agenda }: { room: MeetingRoomState; agenda: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="card meeting-room" aria-labelledby="meeting-room-title" data-testid="meeting-room">
      <h2 id="meeting-room-title">{t('meetings.room.title')}</h2>
      <p role="status" className={`meeting-room__status meeting-room__status--${room.status}`}>
        {t(`meetings.room.status.${room.status}`)}
      </p>
      <div className="meeting-room__columns">
        <Presence present={room.present} self={room.self} />
        <section aria-labelledby="meeting-agenda-title">
          <h3 id="meeting-agenda-title">{t('meetings.room.agenda')}</h3>
          <ol className="meeting-room__agenda">
            {agenda.length
              ? agenda.map((item, i) => <li key={i}>{item}</li>)
              : standardAgenda.map((item) => <li key={item}>{t(`meetings.room.agendaItems.${item}`)}</li>)}
          </ol>
        </section>
      </div>
      {room.notesShared ? (
        <NotesField notes={room.notes} synced={room.synced} refusal={room.refusal} />
      ) : (
        <p data-testid="room-notes-not-shared">{t('meetings.notes.notShared')}</p>
      )}
    </section>
  );
}

/** "Til stede nu", and a polite announcement of who came or went (not of the first list). */
function Presence({ present, self }: { present: PresentPerson[]; self: string }) {
  const { t } = useTranslation();
  const before = useRef<Map<string, string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const now = new Map(present.map((p) => [presenceKey(p), p.name]));
    const previous = before.current;
    before.current = now;
    if (!previous) return;
    const came = [...now].filter(([key]) => !previous.has(key)).map(([, name]) => t('meetings.room.came', { name }));
    const went = [...previous].filter(([key]) => !now.has(key)).map(([, name]) => t('meetings.room.went', { name }));
    if (came.length + went.length > 0) setAnnouncement([...came, ...went].join(' '));
  }, [present, t]);
  return (
    <section aria-labelledby="meeting-present-title">
      <h3 id="meeting-present-title">{t('meetings.room.present')}</h3>
      {present.length === 0 ? (
        <p>{t('meetings.room.nobody')}</p>
      ) : (
        <ul className="meeting-room__present" data-testid="room-present">
          {present.map((person) => (
            <li key={presenceKey(person)}>
              {person.name}
              {presenceKey(person) === self && ` ${t('meetings.room.you')}`}
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="room-announcement">
        {announcement}
      </p>
    </section>
  );
}

/**
 * A plain textarea bound to the notes document: typing becomes inserts and deletes, others' edits replace
 * the value with the caret and selection moved past what they wrote.
 */
function NotesField({ notes, synced, refusal }: { notes: SharedNotes; synced: boolean; refusal: NotesRefusal }) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.value = notes.value;
    return notes.listen((text, move) => {
      const focused = document.activeElement === el;
      const [start, end, direction] = [el.selectionStart, el.selectionEnd, el.selectionDirection];
      el.value = text;
      if (focused) el.setSelectionRange(move(start), move(end), direction);
    });
  }, [notes]);

  return (
    <div className="field meeting-room__notes">
      <label htmlFor={id}>{t('meetings.room.notes')}</label>
      <p className="hint" id={`${id}-hint`}>
        {synced ? t('meetings.room.notesHint') : t('meetings.room.notesLoading')}
      </p>
      <p role="alert" className="meeting-room__refusal" data-testid="room-notes-refusal">
        {refusal && t(`meetings.notes.${refusal}`)}
      </p>
      <textarea
        id={id}
        ref={field}
        rows={10}
        readOnly={!synced}
        aria-describedby={`${id}-hint`}
        data-testid="room-notes"
        onInput={(event) => notes.edit(event.currentTarget.value)}
      />
    </div>
  );
}
