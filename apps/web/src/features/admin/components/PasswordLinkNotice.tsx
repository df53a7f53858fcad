import type { PasswordLink } from '@tvaers/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';

/** A one-time set-password link, shown this once (Tværs keeps only its hash), with a copy button. */
export function PasswordLinkNotice({ name, link, onHide }: { name: string; link: PasswordLink; onHide: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const url = link.url ?? `${window.location.origin}${link.path}`;

  // The link appears away from the button that asked for it: focus goes to it.
  useEffect(() => heading.current?.focus(), [link]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="alert admin-link" aria-labelledby={`${id}-title`} data-testid="password-link">
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('admin.linkTitle', { name })}
      </h3>
      <p>{t('admin.linkText', { name, expires: format.dateTime(link.expiresAt) })}</p>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('admin.linkLabel')}</label>
        <input id={`${id}-url`} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <p className="button-row">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {t('admin.copy')}
        </button>
        <button type="button" className="button" onClick={onHide}>
          {t('admin.hideLink')}
        </button>
      </p>
      <p role="status" className="status-text">
        {copied === 'yes' ? t('admin.copied') : copied === 'failed' ? t('admin.copyFailed') : ''}
      </p>
    </section>
  );
}
