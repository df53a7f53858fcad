import type { GuestView } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';

/**
 * The citizen's link was also shown to a staff member whose own view is narrower: through it the citizen sees no
 * more than that staff member may (no health efforts, no access log). Says so, and where the rest is.
 */
export function GuestLinkLimited({ limitedBy }: { limitedBy: NonNullable<GuestView['limitedBy']> }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="guest-link-limited-title" data-testid="guest-link-limited">
      <h2 id="guest-link-limited-title">{t('guestLink.limited.title')}</h2>
      <p>{t('guestLink.limited.text', { name: limitedBy.name })}</p>
    </section>
  );
}
