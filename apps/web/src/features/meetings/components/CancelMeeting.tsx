import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { updateMeeting } from '@web/api/meetings-api';
import { useInlineForm } from '@web/shared/hooks/useInlineForm';
import { describeError } from '@web/shared/lib/errors';
import { queryKeys } from '@web/shared/query/query-keys';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';

/** "Aflys mødet", asked once more before it is done: a cancelled meeting cannot be opened again. */
export function CancelMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { open: asking, show, close, openerRef, panelRef } = useInlineForm<HTMLDivElement>();
  const cancel = useMutation({
    mutationFn: () => updateMeeting(meeting.id, { status: 'cancelled' }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.meeting(meeting.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      close();
    },
  });
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
              onClick={() => cancel.mutate()}
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
