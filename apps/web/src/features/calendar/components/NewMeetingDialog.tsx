import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { useMyActiveCases } from '@web/features/cases/hooks/useCases';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { ListLoad } from '@web/shared/ui/QueryLoad';
import { SelectField } from '@web/shared/ui/SelectField';

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
      <ListLoad
        load={myCases}
        items={cases}
        loading={t('calendar.newMeeting.loading')}
        failed={t('calendar.newMeeting.failed')}
        empty={t('calendar.newMeeting.noCases')}
      >
        {(choices) => (
          <form className="form" onSubmit={submit}>
            <SelectField
              label={t('calendar.newMeeting.case')}
              value={caseId}
              options={choices.map((kase) => ({ value: kase.id, label: kase.citizenName }))}
              onChange={setCaseId}
            />
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
      </ListLoad>
      {(cases?.length ?? 0) === 0 && (
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          {t('calendar.newMeeting.close')}
        </button>
      )}
    </dialog>
  );
}
