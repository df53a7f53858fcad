import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { useMyActiveCases } from '@web/features/cases/hooks/useCases';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { LoadProgress } from '@web/shared/ui/QueryLoad';

export interface ChosenTime {
  start: string;
  end: string;
}

/** The planner of a case, with the chosen time as a fixed time when there is one. */
export function plannerPath(caseId: string, time: ChosenTime | null): string {
  const path = `/cases/${encodeURIComponent(caseId)}/meetings/new`;
  return time ? `${path}?${new URLSearchParams({ start: time.start, end: time.end }).toString()}` : path;
}

/**
 * "Nyt rundbordsmøde": a meeting belongs to a case, so the user picks one of their own active cases and
 * goes on to the planner. A modal <dialog>: focus moves in, Escape closes it, focus returns after.
 */
export function NewMeetingDialog({ time, onClose }: { time: ChosenTime | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const meetingTime = useFormatters();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const myCases = useMyActiveCases(me);
  const cases = myCases.data;
  const [caseId, setCaseId] = useState('');

  // No close() on unmount: it would fire `close` late (StrictMode runs effects twice) and shut the dialog.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = caseId || cases?.[0]?.id;
    if (chosen) void navigate(plannerPath(chosen, time));
  }

  return (
    <dialog
      ref={ref}
      className="new-meeting card"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      data-testid="new-meeting"
    >
      <h2 id={`${id}-title`}>{t('calendar.newMeeting.title')}</h2>
      {time && <p>{t('calendar.newMeeting.time', { when: meetingTime.slot(time.start, time.end) })}</p>}
      {cases === undefined ? (
        <LoadProgress
          load={myCases}
          loading={t('calendar.newMeeting.loading')}
          failed={t('calendar.newMeeting.failed')}
        />
      ) : cases.length === 0 ? (
        <p>{t('calendar.newMeeting.noCases')}</p>
      ) : (
        <form className="form" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-case`}>{t('calendar.newMeeting.case')}</label>
            <select id={`${id}-case`} value={caseId} onChange={(event) => setCaseId(event.target.value)}>
              {cases.map((kase) => (
                <option key={kase.id} value={kase.id}>
                  {kase.citizenName}
                </option>
              ))}
            </select>
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary">
              {t('calendar.newMeeting.submit')}
            </button>
            <button type="button" className="button" onClick={() => ref.current?.close()}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {(cases?.length ?? 0) === 0 && (
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          {t('calendar.newMeeting.close')}
        </button>
      )}
    </dialog>
  );
}
