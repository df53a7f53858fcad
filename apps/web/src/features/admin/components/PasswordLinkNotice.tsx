import type { PasswordLink } from '@tvaers/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';

/**
 * A one-time set-password link: with mail set up Tværs sent it to the person and says where; otherwise it is
 * shown this once (Tværs keeps only its hash), whole, with a copy button.
 */
export function PasswordLinkNotice({ name, link, onHide }: { name: string; link: PasswordLink; onHide: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const url = link.path === null ? null : (link.url ?? `${window.location.origin}${link.path}`);
  const expires = format.dateTime(link.expiresAt);

  // The link appears away from the button that asked for it: focus goes to it.
  useEffect(() => heading.current?.focus(), [link]);

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="alert admin-link" aria-labelledby={`${id}-title`} data-testid="password-link">
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {url === null ? t('admin.linkMailedTitle', { name }) : t('admin.linkTitle', { name })}
      </h3>
      {url === null ? (
        <p>{t('admin.linkMailed', { email: link.mailedTo, expires })}</p>
      ) : (
        <>
          <p>{t('admin.linkText', { name, expires })}</p>
          <p className="admin-link__label">{t('admin.linkLabel')}</p>
          {/* Shown whole and wrapping: a field would show only its start (the host). */}
          <p className="admin-link__url" data-testid="password-link-url">
            <code>{url}</code>
          </p>
        </>
      )}
      <p className="button-row">
        {url !== null && (
          <button type="button" className="button button--primary" onClick={() => void copy(url)}>
            {t('admin.copy')}
          </button>
        )}
        <button type="button" className="button" onClick={onHide}>
          {t('admin.hideLink')}
        </button>
      </p>
      {url !== null && (
        <p role="status" className="status-text">
          {copied === 'yes' ? t('admin.copied') : copied === 'failed' ? t('admin.copyFailed') : ''}
        </p>
      )}
    </section>
  );
}
