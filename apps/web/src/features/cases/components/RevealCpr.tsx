import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/lib/errors';
import { ErrorAlert } from '../../../shared/ui/StatusMessage';
import { useRevealCpr } from '../hooks/useRevealCpr';

type RevealState = { step: 'idle' } | { step: 'asking' } | { step: 'shown'; cpr: string };

const minReasonLength = 3;

/**
 * "Vis CPR": the full number only after the user gives a reason (the API logs it). The number
 * lives in this component's state only while it is shown: hiding it or leaving the page forgets it.
 */
export function RevealCpr({ citizenId }: { citizenId: string }) {
  const reveal = useRevealCpr(citizenId);
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<RevealState>({ step: 'idle' });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < minReasonLength) {
      setError(t('cpr.reasonTooShort'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const cpr = await reveal.mutateAsync({ reason: reason.trim() });
      setReason('');
      setState({ step: 'shown', cpr });
    } catch (failure) {
      setError(describeError(failure, t, t('cpr.failed')));
    } finally {
      setBusy(false);
    }
  }

  function close() {
    setReason('');
    setError(null);
    setState({ step: 'idle' });
  }

  switch (state.step) {
    case 'idle':
      return (
        <button type="button" className="button button--small" onClick={() => setState({ step: 'asking' })}>
          {t('cpr.reveal')}
        </button>
      );
    case 'shown':
      return (
        <span className="cpr-revealed">
          <span className="visually-hidden">{t('cpr.fullNumber')}: </span>
          <strong className="nowrap" data-testid="cpr-revealed">
            {state.cpr}
          </strong>
          <button type="button" className="button button--small" onClick={close}>
            {t('cpr.hide')}
          </button>
        </span>
      );
    case 'asking':
      return (
        <form className="inline-form" onSubmit={(event) => void submit(event)} aria-busy={busy}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('cpr.reasonLabel')}</label>
            <input
              id={`${id}-reason`}
              type="text"
              // The user just asked for this form: moving focus into it is expected.
              autoFocus
              required
              minLength={minReasonLength}
              maxLength={500}
              aria-describedby={`${id}-hint`}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <p id={`${id}-hint`} className="hint">
              {t('cpr.reasonHint')}
            </p>
          </div>
          {error && <ErrorAlert>{error}</ErrorAlert>}
          <div className="button-row">
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              {busy ? t('cpr.revealing') : t('cpr.reveal')}
            </button>
            <button type="button" className="button button--small" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      );
  }
}
