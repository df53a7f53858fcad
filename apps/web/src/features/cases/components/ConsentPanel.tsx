import { consentScopes } from '@tvaers/contracts';
import type { Consent, ConsentScope } from '@tvaers/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { describeError } from '@web/shared/lib/errors';
import { ErrorAlert, LoadingStatus, LoadError } from '@web/shared/ui/StatusMessage';
import { useConsents, useSetConsent } from '../hooks/useConsents';
import { consentPanelId } from './HealthHiddenNote';

/**
 * The citizen's consents (GDPR art. 9): sharing health data in the unit, and a plan excerpt with the
 * doctor. Each box records giving or withdrawing at once, with who recorded it and when. Consent also
 * decides what the plan and progress sections show and offer: `onChanged` lets the page fetch them again.
 */
export function ConsentPanel({ citizenId, onChanged }: { citizenId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { data: consents, error, refetch } = useConsents(citizenId);
  const setConsent = useSetConsent(citizenId);
  // The box shows the user's choice at once while it is saved; it falls back if saving fails.
  // Failed and saved are the mutation's own state (the last change made here).
  // The change being saved, set in the click handler itself: the mutation's pending state arrives a render
  // later, and a controlled checkbox would meanwhile snap back to the stored value.
  const [saving, setSaving] = useState<{ scope: ConsentScope; given: boolean } | null>(null);
  const saveError = setConsent.isError ? describeError(setConsent.error, t, t('consent.failed')) : null;
  const savedScope = setConsent.isSuccess ? setConsent.data.scope : null;

  function toggle(scope: ConsentScope, given: boolean) {
    // One change at a time; the boxes are not disabled, so keyboard focus stays where it is.
    if (saving) return;
    setSaving({ scope, given });
    // Consent decides whether health efforts are shown in the plan.
    setConsent.mutate({ scope, given }, { onSuccess: onChanged, onSettled: () => setSaving(null) });
  }

  return (
    <section id={consentPanelId} className="card" aria-labelledby="consent-title" data-testid="consents">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <p className="muted">{t('consent.intro')}</p>
      <LoadError error={error} fallback={t('consent.loadFailed')} onRetry={() => void refetch()} />
      {!consents && error === null && <LoadingStatus>{t('consent.loading')}</LoadingStatus>}
      {saveError && <ErrorAlert>{saveError}</ErrorAlert>}
      {consents && (
        <ul className="consent-list">
          {consentScopes.map((scope) => (
            <ConsentItem
              key={scope}
              scope={scope}
              consent={consents.find((consent) => consent.scope === scope)}
              pending={saving?.scope === scope ? saving.given : null}
              justSaved={savedScope === scope}
              onToggle={(given) => toggle(scope, given)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ConsentItem({
  scope,
  consent,
  pending,
  justSaved,
  onToggle,
}: {
  scope: ConsentScope;
  consent: Consent | undefined;
  /** The value being saved, or null. */
  pending: boolean | null;
  justSaved: boolean;
  onToggle: (given: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const given = consent?.given ?? false;
  const inputId = `consent-${scope}`;

  let state: string;
  if (given && consent?.givenAt) {
    state = consent.recordedBy
      ? t('consent.givenBy', { when: format.dateTime(consent.givenAt), name: consent.recordedBy.name })
      : t('consent.givenAt', { when: format.dateTime(consent.givenAt) });
  } else if (given) {
    state = t('consent.given');
  } else if (consent?.withdrawnAt) {
    state = consent.recordedBy
      ? t('consent.withdrawnBy', { when: format.dateTime(consent.withdrawnAt), name: consent.recordedBy.name })
      : t('consent.withdrawnAt', { when: format.dateTime(consent.withdrawnAt) });
  } else {
    state = t('consent.notGiven');
  }

  return (
    <li className="consent" data-testid={`consent-${scope}`}>
      <div className="checkbox">
        <input
          id={inputId}
          type="checkbox"
          checked={pending ?? given}
          aria-describedby={`${inputId}-state`}
          onChange={(event) => onToggle(event.target.checked)}
        />
        <label htmlFor={inputId}>{t(`consent.scopes.${scope}`)}</label>
      </div>
      <p id={`${inputId}-state`} className="consent__state">
        {state}
        {consent?.note && <span className="muted"> – {consent.note}</span>}
      </p>
      <p role="status" className="status-text">
        {pending !== null
          ? t('consent.saving')
          : justSaved
            ? given
              ? t('consent.savedGiven')
              : t('consent.savedWithdrawn')
            : ''}
      </p>
    </li>
  );
}
