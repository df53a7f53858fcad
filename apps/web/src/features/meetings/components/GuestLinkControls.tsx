import { useMutation } from '@tanstack/react-query';
import type { GuestLink, Participant } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createGuestLink, revokeGuestLink } from '@web/api/meetings-api';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { useInlineForm } from '@web/shared/hooks/useInlineForm';
import { describeError } from '@web/shared/lib/errors';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';

/**
 * A participant without an account gets a personal link: made here, shown once (the API keeps only
 * its hash), copied into an e-mail or a text message, and revoked when it must stop working.
 */
export function GuestLinkControls({ meetingId, participant }: { meetingId: string; participant: Participant }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const [link, setLink] = useState<GuestLink | null>(null);
  const [said, setSaid] = useState('');
  // The shown link is an inline panel: Esc hides it and returns focus to the button that made it.
  const { open: shown, show, openerRef, panelRef } = useInlineForm<HTMLDivElement>();
  const create = useMutation({
    mutationFn: () => createGuestLink(meetingId, participant.id),
    onSuccess: (made) => {
      setLink(made);
      show();
      setSaid(t('meetings.links.made', { name: participant.name }));
    },
  });
  const revoke = useMutation({
    mutationFn: () => revokeGuestLink(meetingId, participant.id),
    onSuccess: () => {
      setLink(null);
      setSaid(t('meetings.links.revoked', { name: participant.name }));
    },
  });
  const failure = create.error ?? revoke.error;

  return (
    <div className="guest-link" data-testid="guest-link">
      {link && shown && (
        <div ref={panelRef} className="guest-link__url">
          <label htmlFor={`${id}-url`}>{t('meetings.links.url', { name: participant.name })}</label>
          <input id={`${id}-url`} type="text" readOnly value={link.url} aria-describedby={`${id}-expires`} />
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              void navigator.clipboard?.writeText(link.url).then(() => setSaid(t('meetings.links.copied')));
            }}
          >
            {t('meetings.links.copy')}
          </button>
          <p id={`${id}-expires`} className="hint">
            {t('meetings.links.expires', { when: format.dateTime(link.expiresAt) })}
          </p>
        </div>
      )}
      <p className="button-row">
        <button
          ref={openerRef}
          type="button"
          className="button button--small"
          disabled={create.isPending}
          onClick={() => create.mutate()}
          aria-label={t(link ? 'meetings.links.renewFor' : 'meetings.links.makeFor', { name: participant.name })}
        >
          {link ? t('meetings.links.renew') : t('meetings.links.make')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
          aria-label={t('meetings.links.revokeFor', { name: participant.name })}
        >
          {t('meetings.links.revoke')}
        </button>
      </p>
      <p role="status" className="status-text">
        {said}
      </p>
      {failure && <ErrorAlert>{describeError(failure, t, t('meetings.links.failed'))}</ErrorAlert>}
    </div>
  );
}
