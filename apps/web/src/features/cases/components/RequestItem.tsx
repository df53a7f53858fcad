import { DecideCitizenRequest } from '@tvaers/contracts';
import type { CitizenRequest } from '@tvaers/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, RadioField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { useToday } from '@web/shared/hooks/useToday';
import { useDecideRequest } from '../hooks/useCitizenRequests';
import { Facts } from './Facts';

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
      <Facts
        facts={[
          { term: t('requests.received'), detail: format.dateTime(request.receivedAt) },
          {
            term: t('requests.due'),
            detail: <time dateTime={request.decisionDue}>{format.date(request.decisionDue)}</time>,
          },
          !!request.decidedAt && {
            term: t('requests.decidedAt'),
            detail: request.decidedBy
              ? t('requests.decidedBy', { when: format.dateTime(request.decidedAt), name: request.decidedBy.name })
              : format.dateTime(request.decidedAt),
          },
        ]}
      />
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
  const decideRequest = useDecideRequest(caseId);
  const form = useContractForm<DecisionFields, typeof DecideCitizenRequest>({
    schema: DecideCitizenRequest,
    defaultValues: { decision: '', reason: '' },
    toRequest: ({ decision, reason }) => ({ decision: decision || undefined, reason }),
  });

  const submit = form.submitWith(
    async (input) => {
      await decideRequest.mutateAsync({ requestId, input });
      onDecided();
    },
    { failed: t('requests.decideFailed') },
  );

  return (
    <FormElement control={form.control} onSubmit={submit} onCancel={onCancel} className="form form--tight">
      <FormStatus control={form.control} />
      <RadioField
        form={form}
        name="decision"
        legend={t('requests.decisionLegend')}
        choices={(['granted', 'refused'] as const).map((value) => ({ value, label: t(`requests.choices.${value}`) }))}
      />
      <FormField form={form} name="reason" label={t('requests.reasonLabel')} hint={t('requests.reasonHint')}>
        {(field) => <textarea rows={3} {...field} />}
      </FormField>
      <FormActions control={form.control} submit={t('requests.submitDecision')} small onCancel={onCancel} />
    </FormElement>
  );
}
