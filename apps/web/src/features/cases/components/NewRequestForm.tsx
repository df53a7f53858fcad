import { requestKinds } from '@tvaers/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/lib/errors';
import { ErrorAlert } from '../../../shared/ui/StatusMessage';
import { useCreateRequest } from '../hooks/useCitizenRequests';

type Kind = (typeof requestKinds)[number];

function isKind(value: string): value is Kind {
  return (requestKinds as readonly string[]).includes(value);
}

/** Records a request from the citizen; the decision deadline is set by the API. */
export function NewRequestForm({ caseId }: { caseId: string }) {
  const createRequest = useCreateRequest(caseId);
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<Kind>('effort');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (description.trim().length < 3) {
      setError(t('requests.form.tooShort'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await createRequest.mutateAsync({ kind, description: description.trim() });
      setDescription('');
      setSaved(true);
    } catch (failure) {
      setError(describeError(failure, t, t('requests.form.failed')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="new-request" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('requests.form.title')}</h3>
      <form className="form form--tight" onSubmit={(event) => void submit(event)} aria-busy={busy} noValidate>
        {error && <ErrorAlert>{error}</ErrorAlert>}
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('requests.form.kind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => {
              if (isKind(event.target.value)) setKind(event.target.value);
            }}
          >
            {requestKinds.map((value) => (
              <option key={value} value={value}>
                {t(`requests.form.kinds.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>{t('requests.form.description')}</label>
          <textarea
            id={`${id}-description`}
            rows={3}
            required
            minLength={3}
            maxLength={2000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : t('requests.form.submit')}
          </button>
          <p role="status" className="status-text">
            {saved && t('requests.form.saved')}
          </p>
        </div>
      </form>
    </section>
  );
}
