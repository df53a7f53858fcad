import type { BusySpan } from '@tvaers/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import type { Colleague } from './ColleaguePicker';

/**
 * The chosen colleagues' busy time in words: the text alternative of the grey shading in the calendar,
 * per colleague, in the weeks shown. Folded away, as it repeats what the calendar shows.
 */
export function BusyList({ busy, colleagues }: { busy: readonly BusySpan[]; colleagues: readonly Colleague[] }) {
  const { t } = useTranslation();
  const time = useFormatters();
  const id = useId();
  if (colleagues.length === 0) return null;
  return (
    <details className="busy-list" data-testid="busy-list">
      <summary>{t('calendar.busyTitle', { count: busy.length })}</summary>
      {colleagues.map((colleague) => {
        const theirs = busy.filter((span) => span.staffId === colleague.staffId);
        return (
          <section key={colleague.staffId} aria-labelledby={`${id}-${colleague.staffId}`}>
            <h2 id={`${id}-${colleague.staffId}`} className="busy-list__name">
              {colleague.name}
            </h2>
            {theirs.length === 0 ? (
              <p>{t('calendar.busyNone')}</p>
            ) : (
              <ul>
                {theirs.map((span) => (
                  <li key={`${span.start}-${span.end}-${span.kind}`}>
                    {time.slot(span.start, span.end)} ({t(`calendar.busyKind.${span.kind}`)})
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </details>
  );
}
