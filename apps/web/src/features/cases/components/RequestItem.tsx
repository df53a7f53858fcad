import type { CitizenRequest, DecideCitizenRequest } from '@tvaers/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/hooks/useFormatters';
import { useToday } from '../../../shared/hooks/useToday';
import { describeError } from '../../../shared/lib/errors';
import { ErrorAlert } from '../../../shared/ui/StatusMessage';
import { useDecideRequest } from '../hooks/useCitizenRequests';

type Decision = DecideCitizenRequest['decision'];

export function RequestItem({
  caseId,
  request,
  deciding,
  onDecide,
  onClose,
  onDecided,
}: {
  caseId: string;
  request: CitizenRequest;
  deciding: boolean;
  onDecide: () => void;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useToday();
  const { decision } = request;
  const open = decision === null;
  const overdue = open && request.decisionDue < today;

  return (
    <li className="request" data-testid="request">
      <div className="request__heading">
        <p className="request__title" id={`request-${request.id}-title`}>
          {t(`requests.kinds.${request.kind}`)}
        </p>
        {decision === null ? (
          <span className={overdue ? 'badge badge--overdue' : 'badge badge--neutral'}>
            {overdue ? t('requests.overdue') : t('requests.pending')}
          </span>
        ) : (
          <span className={`badge badge--decision-${decision}`}>{t(`requests.decisions.${decision}`)}</span>
        )}
      </div>
      <p className="prewrap">{request.description}</p>
      <dl className="effort__facts">
        <div>
          <dt>{t('requests.received')}</dt>
          <dd>{format.dateTime(request.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('requests.due')}</dt>
          <dd>
            <time dateTime={request.decisionDue}>{format.date(request.decisionDue)}</time>
          </dd>
        </div>
        {request.decidedAt && (
          <div>
            <dt>{t('requests.decidedAt')}</dt>
            <dd>
              {request.decidedBy
                ? t('requests.decidedBy', { when: format.dateTime(request.decidedAt), name: request.decidedBy.name })
                : format.dateTime(request.decidedAt)}
            </dd>
          </div>
        )}
      </dl>
      {request.decisionReason && (
        <p className="effort__text">
          <span className="effort__label">{t('requests.reason')}:</span>{' '}
          <span className="prewrap">{request.decisionReason}</span>
        </p>
      )}
      {open && !deciding && (
        <button
          type="button"
          className="button button--small"
          aria-describedby={`request-${request.id}-title`}
          onClick={onDecide}
        >
          {t('requests.decide')}
        </button>
      )}
      {open && deciding && (
        <DecisionForm caseId={caseId} requestId={request.id} onCancel={onClose} onDecided={onDecided} />
      )}
    </li>
  );
}

function DecisionForm({
  caseId,
  requestId,
  onCancel,
  onDecided,
}: {
  caseId: string;
  requestId: string;
  onCancel: () => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const decideRequest = useDecideRequest(caseId);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!decision) {
      setError(t('requests.chooseDecision'));
      return;
    }
    if (reason.trim().length < 3) {
      setError(t('requests.reasonTooShort'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await decideRequest.mutateAsync({ requestId, input: { decision, reason: reason.trim() } });
      onDecided();
    } catch (failure) {
      setError(describeError(failure, t, t('requests.decideFailed')));
      setBusy(false);
    }
  }

  return (
    <form className="form form--tight" onSubmit={(event) => void submit(event)} aria-busy={busy} noValidate>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <fieldset className="radio-group">
        <legend>{t('requests.decisionLegend')}</legend>
        {(['granted', 'refused'] as const).map((value) => (
          <div key={value} className="radio">
            <input
              id={`${id}-${value}`}
              type="radio"
              name={`${id}-decision`}
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
            />
            <label htmlFor={`${id}-${value}`}>{t(`requests.choices.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('requests.reasonLabel')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('requests.reasonHint')}
        </p>
        <textarea
          id={`${id}-reason`}
          rows={3}
          required
          minLength={3}
          maxLength={4000}
          aria-describedby={`${id}-hint`}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? t('common.saving') : t('requests.submitDecision')}
        </button>
        <button type="button" className="button button--small" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
