import type { GuestDecision, GuestEffortChange, GuestOutcome as Outcome } from '@tvaers/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';

/** A held meeting's summary and decisions on the citizen's own link, in plain Danish. */
export function GuestOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card" aria-labelledby="guest-outcome-title" data-testid="guest-outcome">
      <h2 id="guest-outcome-title">{t('pages.guest.outcome.title')}</h2>
      <p className="hint">{t('pages.guest.outcome.held', { day: format.dayOf(outcome.heldAt) })}</p>
      <h3>{t('pages.guest.outcome.summary')}</h3>
      <p className="prewrap">{outcome.summary}</p>
      <h3>{t('pages.guest.outcome.decisions')}</h3>
      {outcome.decisions.length === 0 ? (
        <p>{t('pages.guest.outcome.noDecisions')}</p>
      ) : (
        <ul>
          {outcome.decisions.map((d, i) => (
            <li key={i}>
              {d.text}
              {d.effort && <DecisionEffort effort={d.effort} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DecisionEffort({ effort }: { effort: NonNullable<GuestDecision['effort']> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const name = t(`effortTypes.${effort.type}`);
  const label = effort.title && effort.title !== name ? `${name} (${effort.title})` : name;
  const what =
    effort.action === 'add'
      ? t('pages.guest.outcome.added')
      : effort.changes.length === 0
        ? t('pages.guest.outcome.changedOnly')
        : t('pages.guest.outcome.changed', {
            changes: effort.changes.map((c) => describeChange(c, t, (d) => format.date(d))).join(', '),
          });
  return (
    <>
      <br />
      <span className="hint">{t('pages.guest.outcome.effort', { effort: label, what })}</span>
    </>
  );
}

function describeChange(c: GuestEffortChange, t: TFunction, date: (d: string) => string): string {
  switch (c.field) {
    case 'title':
      return t('pages.guest.outcome.fields.title', { to: c.to ?? '' });
    case 'ownerId':
      return t('pages.guest.outcome.fields.ownerId');
    case 'startDate':
    case 'endDate':
      return c.to === null
        ? t(`pages.guest.outcome.fields.${c.field}Removed`)
        : t(`pages.guest.outcome.fields.${c.field}`, { to: date(c.to) });
    case 'status':
      return t('pages.guest.outcome.fields.status', {
        to: c.to ? t(`effortStatuses.${c.to as 'planned'}`).toLowerCase() : '',
      });
  }
}
