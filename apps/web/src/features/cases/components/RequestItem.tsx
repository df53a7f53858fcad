import { DecideCitizenRequest } from '@tvaers/contracts';
import type { CitizenRequest } from '@tvaers/contracts';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CharacterCounter } from '@web/shared/forms/CharacterCounter';
import { FieldError, fieldAria, FormStatus, SubmitButton } from '@web/shared/forms/FormParts';
import { maxLengthOf } from '@web/shared/forms/schema-limits';
import { fieldError, useContractForm } from '@web/shared/forms/useContractForm';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { useToday } from '@web/shared/hooks/useToday';
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
  // After "Træf afgørelse" focus goes to the decision shown; after "Annullér" back to the button.
  const focusNext = useRef<'decision' | 'button' | null>(null);
  const decisionBadge = useRef<HTMLSpanElement>(null);
  const decideButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusNext.current === 'decision' && decision !== null) decisionBadge.current?.focus();
    else if (focusNext.current === 'button' && !deciding) decideButton.current?.focus();
    else return;
    focusNext.current = null;
  }, [decision, deciding]);

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
          <span ref={decisionBadge} tabIndex={-1} className={`badge badge--decision-${decision}`}>
            {t(`requests.decisions.${decision}`)}
          </span>
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
          ref={decideButton}
          type="button"
          className="button button--small"
          aria-describedby={`request-${request.id}-title`}
          onClick={onDecide}
        >
          {t('requests.decide')}
        </button>
      )}
      {open && deciding && (
        <DecisionForm
          caseId={caseId}
          requestId={request.id}
          onCancel={() => {
            focusNext.current = 'button';
            onClose();
          }}
          onDecided={() => {
            focusNext.current = 'decision';
            onDecided();
          }}
        />
      )}
    </li>
  );
}

interface DecisionFields {
  decision: Decision | '';
  reason: string;
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
  const form = useContractForm<DecisionFields, typeof DecideCitizenRequest>({
    schema: DecideCitizenRequest,
    defaultValues: { decision: '', reason: '' },
    toRequest: ({ decision, reason }) => ({ decision: decision || undefined, reason }),
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.submitWith(
    async (input) => {
      await decideRequest.mutateAsync({ requestId, input });
      onDecided();
    },
    { failed: t('requests.decideFailed') },
  );

  return (
    <form
      className="form form--tight"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        // Esc cancels, as "Annullér" does.
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
      aria-busy={isSubmitting}
      noValidate
    >
      <FormStatus control={form.control} />
      <fieldset
        className="radio-group"
        {...fieldAria(fieldError(errors, 'decision') !== undefined, `${id}-decision-error`)}
      >
        <legend>{t('requests.decisionLegend')}</legend>
        {(['granted', 'refused'] as const).map((value) => (
          <div key={value} className="radio">
            <input id={`${id}-${value}`} type="radio" value={value} {...form.register('decision')} />
            <label htmlFor={`${id}-${value}`}>{t(`requests.choices.${value}`)}</label>
          </div>
        ))}
        <FieldError control={form.control} name="decision" id={`${id}-decision-error`} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('requests.reasonLabel')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('requests.reasonHint')}
        </p>
        <textarea
          id={`${id}-reason`}
          rows={3}
          {...fieldAria(fieldError(errors, 'reason') !== undefined, `${id}-reason-error`, `${id}-hint ${id}-count`)}
          {...form.register('reason')}
        />
        <CharacterCounter
          control={form.control}
          name="reason"
          max={maxLengthOf(DecideCitizenRequest, 'reason')}
          id={`${id}-count`}
        />
        <FieldError control={form.control} name="reason" id={`${id}-reason-error`} />
      </div>
      <div className="button-row">
        <SubmitButton control={form.control} className="button button--primary button--small">
          {t('requests.submitDecision')}
        </SubmitButton>
        <button type="button" className="button button--small" onClick={onCancel} disabled={isSubmitting}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
