import type { GuestLink, Participant } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { useInlineForm } from '@web/shared/hooks/useInlineForm';
import { describeError } from '@web/shared/lib/errors';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';
import { useGuestLinks } from '../hooks/useGuestLinks';

/**
 * A participant without an account has one personal link, the same in every mail. Here staff see whether a link
 * is out (made when, by whom, last mailed when), make one, or replace it ("Nyt link": the old one stops working
 * and the new one is mailed to the participant), and revoke it. A link made here is shown to this staff member,
 * so it shows no more than they may see themselves.
 */
export function GuestLinkControls({ meetingId, participant }: { meetingId: string; participant: Participant }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const [link, setLink] = useState<GuestLink | null>(null);
  const [said, setSaid] = useState('');
  // "Nyt link" asks first: an inline question (focus moves in, Esc closes it, focus returns to the button).
  const {
    open: asking,
    show: ask,
    close: stopAsking,
    openerRef,
    panelRef: questionRef,
  } = useInlineForm<HTMLDivElement>();
  // The link just made is an inline panel too: Esc hides it and focus returns to the same button.
  const { open: shown, show: showLink, close: hideLink, panelRef: linkRef } = useInlineForm<HTMLDivElement>(openerRef);
  const status = participant.link;
  const exists = status !== null || link !== null;
  const { create, revoke } = useGuestLinks(meetingId, participant.id);
  const onMade = (made: GuestLink) => {
    const name = participant.name;
    setSaid(
      exists
        ? t(made.mailed ? 'meetings.linkStatus.renewedMailed' : 'meetings.linkStatus.renewedNotMailed', { name })
        : t(made.mailed ? 'meetings.linkStatus.madeMailed' : 'meetings.linkStatus.madeNotMailed', { name }),
    );
    setLink(made);
    stopAsking();
    showLink();
  };
  const makeLink = () => create.mutate(undefined, { onSuccess: onMade });
  const onRevoked = () => {
    setLink(null);
    hideLink();
    setSaid(t('meetings.links.revoked', { name: participant.name }));
  };
  const failure = create.error ?? revoke.error;

  return (
    <div className="guest-link" data-testid="guest-link">
      <p className="hint" data-testid="guest-link-status">
        {status === null
          ? t('meetings.linkStatus.none')
          : [
              status.issuedBy.kind === 'system'
                ? t('meetings.linkStatus.madeBySystem', { when: format.dateTime(status.issuedAt) })
                : t('meetings.linkStatus.madeByStaff', {
                    name: status.issuedBy.name,
                    when: format.dateTime(status.issuedAt),
                  }),
              status.mailedAt ? t('meetings.linkStatus.mailed', { when: format.dateTime(status.mailedAt) }) : '',
              status.copied ? t('meetings.linkStatus.shown') : '',
            ]
              .filter(Boolean)
              .join(' ')}
      </p>
      {link && shown && (
        <div ref={linkRef} className="guest-link__url">
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
      {asking ? (
        <div ref={questionRef} role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`}>{t('meetings.linkStatus.renewQuestion', { name: participant.name })}</p>
          <p className="button-row">
            <button type="button" className="button button--small" disabled={create.isPending} onClick={makeLink}>
              {t('meetings.linkStatus.renewConfirm')}
            </button>
            <button type="button" className="button button--small" onClick={stopAsking}>
              {t('meetings.linkStatus.keep')}
            </button>
          </p>
        </div>
      ) : (
        <p className="button-row">
          <button
            ref={openerRef}
            type="button"
            className="button button--small"
            disabled={create.isPending}
            onClick={() => (exists ? ask() : makeLink())}
            aria-label={t(exists ? 'meetings.links.renewFor' : 'meetings.links.makeFor', { name: participant.name })}
          >
            {exists ? t('meetings.links.renew') : t('meetings.links.make')}
          </button>
          {exists && (
            <button
              type="button"
              className="button button--small"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(undefined, { onSuccess: onRevoked })}
              aria-label={t('meetings.links.revokeFor', { name: participant.name })}
            >
              {t('meetings.links.revoke')}
            </button>
          )}
        </p>
      )}
      <p role="status" className="status-text">
        {said}
      </p>
      {failure && <ErrorAlert>{describeError(failure, t, t('meetings.links.failed'))}</ErrorAlert>}
    </div>
  );
}
