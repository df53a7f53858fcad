import type { UseQueryResult } from '@tanstack/react-query';
import type { Meeting, MeetingNotes, Participant } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisclosure } from '@web/shared/hooks/useDisclosure';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { ListLoad, LoadProgress } from '@web/shared/ui/QueryLoad';
import { useMeetingNotes, useNotesHistory, useRestoreNotes, useShareNotes } from '../hooks/useMeetingNotes';
import './meeting-room.css';

/**
 * The staff side of a meeting's notes beside the live room: who among the other guests sees them, and the
 * earlier versions with "Gendan"; once the meeting is held (or cancelled), the notes as they were, read-only.
 */
export function MeetingNotesPanel({ meeting }: { meeting: Meeting }) {
  if (meeting.status === 'scheduled') return <LiveNotesTools meeting={meeting} />;
  if (meeting.status === 'held' || meeting.status === 'cancelled') return <HeldNotes meetingId={meeting.id} />;
  return null;
}

function LiveNotesTools({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const guests = meeting.participants.filter((p) => p.kind === 'guest');
  return (
    <section className="card" aria-labelledby="meeting-notes-panel-title" data-testid="meeting-notes-panel">
      <h2 id="meeting-notes-panel-title">{t('meetings.notes.panelTitle')}</h2>
      <h3>{t('meetings.notes.sharingTitle')}</h3>
      <p className="hint">{t('meetings.notes.sharingIntro')}</p>
      {guests.length === 0 ? (
        <p>{t('meetings.notes.noGuests')}</p>
      ) : (
        <ul className="meeting-notes__sharing">
          {guests.map((guest) => (
            <ShareToggle key={guest.id} meetingId={meeting.id} guest={guest} />
          ))}
        </ul>
      )}
      <NotesVersions meetingId={meeting.id} />
    </section>
  );
}

function ShareToggle({ meetingId, guest }: { meetingId: string; guest: Participant }) {
  const { t } = useTranslation();
  const id = useId();
  const share = useShareNotes(meetingId);
  // The user's choice shows at once; the answer (the meeting) confirms it, a failure puts it back.
  const [checked, setChecked] = useState(guest.notesShared);
  return (
    <li>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={share.isPending}
        data-testid={`share-notes-${guest.id}`}
        onChange={(event) => {
          const shared = event.currentTarget.checked;
          setChecked(shared);
          share.mutate({ participantId: guest.id, shared }, { onError: () => setChecked(!shared) });
        }}
      />{' '}
      <label htmlFor={id}>{t('meetings.notes.share', { name: guest.name })}</label>
      {share.isError && (
        <p role="alert" className="meeting-room__refusal">
          {t('meetings.notes.sharingFailed')}
        </p>
      )}
    </li>
  );
}

/** "Tidligere udgaver": the text after each run of one person's edits, each with "Gendan". */
function NotesVersions({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { open, button, panel } = useDisclosure();
  const history = useNotesHistory(meetingId, open);
  const restore = useRestoreNotes(meetingId);
  return (
    <>
      <h3>{t('meetings.notes.historyTitle')}</h3>
      <button type="button" className="button button--small" {...button}>
        {open ? t('meetings.notes.historyHide') : t('meetings.notes.historyShow')}
      </button>
      <div {...panel}>
        {open && (
          <ListLoad
            load={history}
            items={history.data?.items}
            loading={t('meetings.notes.historyLoading')}
            failed={t('meetings.notes.historyFailed')}
            empty={t('meetings.notes.historyNone')}
          >
            {(versions) => (
              <ol className="meeting-notes__versions" data-testid="notes-versions">
                {versions.map((version) => {
                  const when = format.dateTime(version.at);
                  return (
                    <li key={version.seq}>
                      <span>{t('meetings.notes.version', { when, name: version.author.name })}</span>
                      <span className="hint">{t('meetings.notes.versionLength', { count: version.length })}</span>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('meetings.notes.restoreLabel', { when })}
                        disabled={restore.isPending}
                        onClick={() => restore.mutate(version.seq, { onSuccess: () => void history.refetch() })}
                      >
                        {t('meetings.notes.restore')}
                      </button>
                      <p className="meeting-notes__excerpt">{version.excerpt}</p>
                    </li>
                  );
                })}
              </ol>
            )}
          </ListLoad>
        )}
        <p role="status">{restore.isSuccess && t('meetings.notes.restored')}</p>
        {restore.isError && (
          <p role="alert" className="meeting-room__refusal">
            {t('meetings.notes.restoreFailed')}
          </p>
        )}
      </div>
    </>
  );
}

function HeldNotes({ meetingId }: { meetingId: string }) {
  return <HeldNotesCard notes={useMeetingNotes(meetingId)} />;
}

/** A held meeting's notes: kept as they were, read-only (the staff page and the guest's link). */
export function HeldNotesCard({ notes }: { notes: UseQueryResult<MeetingNotes> }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="meeting-held-notes-title" data-testid="meeting-held-notes">
      <h2 id="meeting-held-notes-title">{t('meetings.notes.heldTitle')}</h2>
      {notes.data === undefined ? (
        <LoadProgress load={notes} loading={t('meetings.notes.loading')} failed={t('meetings.notes.loadFailed')} />
      ) : notes.data.text.trim() === '' ? (
        <p>{t('meetings.notes.heldEmpty')}</p>
      ) : (
        <>
          <p className="hint">{t('meetings.notes.heldHint')}</p>
          <p className="meeting-notes__held">{notes.data.text}</p>
        </>
      )}
    </section>
  );
}
