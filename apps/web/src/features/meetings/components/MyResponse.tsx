import type { Meeting } from '@tvaers/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@web/shared/lib/errors';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';
import { useRespondToMeeting } from '../hooks/useRespondToMeeting';

/**
 * A staff participant's own answer to the invitation ("Jeg kommer" / "Jeg kan ikke komme"), the chosen one
 * pressed; on the meeting page and in the calendar's list of unanswered invitations. Nothing for non-participants.
 */
export function MyResponse({ meeting, label }: { meeting: Meeting; label?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const respond = useRespondToMeeting(meeting.id);
  const mine = meeting.participants.find((p) => p.id === meeting.myParticipantId);
  if (!mine || (meeting.status !== 'proposed' && meeting.status !== 'scheduled')) return null;
  const answers = [
    { response: 'accepted', text: t('pages.meeting.accept') },
    { response: 'declined', text: t('pages.meeting.decline') },
  ] as const;
  return (
    <div className="my-response" role="group" aria-labelledby={`${id}-label`} data-testid="my-response">
      <p id={`${id}-label`}>
        {label ?? t('pages.meeting.myResponse')}: <strong>{t(`meetings.responses.${mine.response}`)}</strong>
      </p>
      <p className="button-row">
        {answers.map(({ response, text }) => (
          <button
            key={response}
            type="button"
            className="button button--small"
            aria-pressed={mine.response === response}
            disabled={respond.isPending}
            onClick={() => respond.mutate(response)}
          >
            {text}
          </button>
        ))}
      </p>
      {respond.error && <ErrorAlert>{describeError(respond.error, t, t('pages.meeting.respondFailed'))}</ErrorAlert>}
    </div>
  );
}
