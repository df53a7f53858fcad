import type { Effort, UpdateEffort } from '@tvaers/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { EffortActions } from './EffortActions';
import { effortPeriod } from './effort-text';
import { Facts } from './Facts';

export function EffortItem({
  effort,
  ownerName,
  onChange,
}: {
  effort: Effort;
  ownerName: string | undefined;
  onChange: (input: UpdateEffort) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const stoppedNote = useRef<HTMLParagraphElement>(null);
  const [justStopped, setJustStopped] = useState(false);
  // The status controls go with the stop: focus lands on the confirmation instead of the page top.
  useEffect(() => {
    if (justStopped && effort.status === 'stopped') stoppedNote.current?.focus();
  }, [justStopped, effort.status]);

  return (
    <li className="effort" data-testid="effort" data-effort-id={effort.id}>
      <div className="effort__heading">
        <p className="effort__title" id={`effort-${effort.id}-title`}>
          {effort.title}
        </p>
        <span className={`badge badge--effort-${effort.status}`} data-testid="effort-status">
          {t(`effortStatuses.${effort.status}`)}
        </span>
      </div>
      <Facts
        facts={[
          { term: t('efforts.type'), detail: t(`effortTypes.${effort.type}`) },
          {
            term: t('efforts.owner'),
            detail: ownerName ?? (effort.ownerId ? t('efforts.unknownOwner') : t('efforts.noOwner')),
          },
          { term: t('efforts.period'), detail: effortPeriod(effort, t, format) },
        ]}
      />
      {effort.purpose && (
        <p className="effort__text">
          <span className="effort__label">{t('efforts.purpose')}:</span> {effort.purpose}
        </p>
      )}
      {effort.status === 'stopped' && (
        <p className="effort__text" ref={stoppedNote} tabIndex={-1} data-testid="effort-stopped">
          {t('efforts.stopped')}
          {effort.stopReason && (
            <>
              {' '}
              <span className="effort__label">{t('efforts.stopReason')}:</span> {effort.stopReason}
            </>
          )}
        </p>
      )}
      {effort.status === 'completed' && <p className="effort__text">{t('efforts.completed')}</p>}
      {effort.status !== 'stopped' && (
        <EffortActions
          effort={effort}
          titleId={`effort-${effort.id}-title`}
          onChange={onChange}
          onStopped={() => setJustStopped(true)}
        />
      )}
    </li>
  );
}
