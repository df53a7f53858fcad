import type { Meeting } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { useInlineForm } from '@web/shared/hooks/useInlineForm';
import { describeError } from '@web/shared/lib/errors';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';
import { useUpdateMeeting } from '../hooks/useUpdateMeeting';

/** "Aflys mødet", asked once more before it is done: a cancelled meeting cannot be opened again. */
export function CancelMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { open: asking, show, close, openerRef, panelRef } = useInlineForm<HTMLDivElement>();
  const cancel = useUpdateMeeting();
  if (meeting.status !== 'proposed' && meeting.status !== 'scheduled') return null;
  return (
    <div className="meeting-cancel">
      {asking ? (
        <div ref={panelRef} role="group" aria-labelledby="meeting-cancel-question">
          <p id="meeting-cancel-question">{t('meetings.cancel.question')}</p>
          <p className="button-row">
            <button
              type="button"
              className="button button--danger"
              disabled={cancel.isPending}
              onClick={() =>
                cancel.mutate({ meetingId: meeting.id, change: { status: 'cancelled' } }, { onSuccess: () => close() })
              }
            >
              {t('meetings.cancel.confirm')}
            </button>
            <button type="button" className="button" data-autofocus onClick={close}>
              {t('meetings.cancel.keep')}
            </button>
          </p>
        </div>
      ) : (
        <button ref={openerRef} type="button" className="button" onClick={show}>
          {t('meetings.cancel.button')}
        </button>
      )}
      {cancel.error && <ErrorAlert>{describeError(cancel.error, t, t('meetings.cancel.failed'))}</ErrorAlert>}
    </div>
  );
}
