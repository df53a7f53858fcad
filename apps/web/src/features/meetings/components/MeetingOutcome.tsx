import { useQueryClient } from '@tanstack/react-query';
import { disciplines, EffortStatus, effortTypes, RecordOutcome } from '@tvaers/contracts';
import type { Effort, EffortType, Meeting, MeetingDecision, MeetingOutcome as Outcome } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useInlineForm } from '@web/shared/hooks/useInlineForm';
import { useTranslation } from 'react-i18next';
import { recordMeetingOutcome } from '@web/api/meetings-api';
import { usePlan } from '@web/features/cases/hooks/usePlan';
import { FormField, RadioField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { dateFieldToIso } from '@web/shared/forms/date-field';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { queryKeys } from '@web/shared/query/query-keys';
import { DateInput } from '@web/shared/ui/DateInput';
import { LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useMeetingNotes } from '../hooks/useMeetingNotes';
import { EffortTypeOptions } from '@web/features/cases/components/EffortTypeOptions';

type Kind = 'none' | 'add' | 'change';

/** A decision's fields, named as the request's paths so the server's `decisions.N.…` errors land at them. */
interface DecisionFields {
  text: string;
  kind: Kind;
  effort: {
    add: { type: EffortType | ''; title: string };
    change: { effortId: string; status: EffortStatus | ''; endDate: string; stopReason: string };
  };
}

interface OutcomeFields {
  summary: string;
  decisions: DecisionFields[];
}

const emptyDecision = (): DecisionFields => ({
  text: '',
  kind: 'none',
  effort: { add: { type: '', title: '' }, change: { effortId: '', status: '', endDate: '', stopReason: '' } },
});

const toRequest = (v: OutcomeFields) => ({
  summary: v.summary,
  decisions: v.decisions.map((d) => {
    const { add, change } = d.effort;
    return {
      text: d.text,
      effort:
        d.kind === 'add'
          ? {
              add: {
                type: add.type || undefined,
                discipline: add.type ? effortTypes[add.type] : undefined,
                title: add.title,
              },
            }
          : d.kind === 'change'
            ? {
                change: {
                  effortId: change.effortId || undefined,
                  status: change.status || undefined,
                  endDate: dateFieldToIso(change.endDate),
                  stopReason: change.status === 'stopped' ? change.stopReason : undefined,
                },
              }
            : undefined,
    };
  }),
});

/**
 * "Afslut møde" (issue 13 item 10): once a scheduled meeting has started, its staff mark it held with a summary
 * and decisions, each of which may add or change an effort (all in one plan version); a held meeting shows its outcome.
 */
export function MeetingOutcome({ meeting }: { meeting: Meeting }) {
  // The time the page was opened decides whether the meeting has started (a reload shows a later state).
  const [openedAt] = useState(() => Date.now());
  if (meeting.status === 'held' && meeting.outcome) {
    return <HeldOutcome caseId={meeting.caseId} outcome={meeting.outcome} />;
  }
  const started = meeting.status === 'scheduled' && meeting.start !== null && Date.parse(meeting.start) <= openedAt;
  return started ? <CloseMeeting meeting={meeting} /> : null;
}

function HeldOutcome({ caseId, outcome }: { caseId: string; outcome: Outcome }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card meeting-outcome" aria-labelledby="meeting-outcome-title" data-testid="meeting-outcome">
      <h2 id="meeting-outcome-title">{t('meetingOutcome.heldTitle')}</h2>
      <p className="hint">
        {t('meetingOutcome.heldBy', { name: outcome.heldBy.name, at: format.dateTime(outcome.heldAt) })}
      </p>
      <h3>{t('meetingOutcome.summary')}</h3>
      <p className="meeting-outcome__summary">{outcome.summary}</p>
      <h3>{t('meetingOutcome.decisions')}</h3>
      {outcome.decisions.length === 0 ? (
        <p>{t('meetingOutcome.noDecisions')}</p>
      ) : (
        <ol>
          {outcome.decisions.map((d, i) => (
            <li key={i}>
              {d.text}
              {d.effort && <EffortNote caseId={caseId} effort={d.effort} />}
            </li>
          ))}
        </ol>
      )}
      {outcome.planVersion !== null && <p>{t('meetingOutcome.planVersion', { version: outcome.planVersion })}</p>}
      <p className="hint">{t('meetingOutcome.mailed')}</p>
    </section>
  );
}

/** The effort a decision added or changed, by its title in the plan as the reader may see it. */
function EffortNote({ caseId, effort }: { caseId: string; effort: NonNullable<MeetingDecision['effort']> }) {
  const { t } = useTranslation();
  const plan = usePlan(caseId);
  const title = plan.data?.efforts.find((e) => e.id === effort.effortId)?.title ?? t('meetingOutcome.hiddenEffort');
  return (
    <span className="meeting-outcome__effort">
      {' – '}
      {t(effort.action === 'add' ? 'meetingOutcome.added' : 'meetingOutcome.changed', { title })}
    </span>
  );
}

function CloseMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { open, show, close, openerRef, panelRef } = useInlineForm<HTMLDivElement>();
  // The meeting's notes as they are now are the summary's draft: fetched afresh when the form opens.
  const notes = useMeetingNotes(meeting.id, open);
  const draftReady = notes.error !== null || (notes.data !== undefined && !notes.isFetching);
  return (
    <section className="card meeting-outcome" aria-labelledby="meeting-close-title">
      <h2 id="meeting-close-title">{t('meetingOutcome.title')}</h2>
      <p>{t('meetingOutcome.intro')}</p>
      {open ? (
        <div ref={panelRef}>
          {draftReady ? (
            <OutcomeForm meeting={meeting} draft={notes.data?.text.trim() ?? ''} onClose={close} />
          ) : (
            <LoadingStatus>{t('meetings.notes.loading')}</LoadingStatus>
          )}
        </div>
      ) : (
        <button ref={openerRef} type="button" className="button" onClick={show}>
          {t('meetingOutcome.open')}
        </button>
      )}
    </section>
  );
}

function OutcomeForm({ meeting, draft, onClose }: { meeting: Meeting; draft: string; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const plan = usePlan(meeting.caseId);
  const efforts: Effort[] = plan.data?.efforts ?? [];
  const form = useContractForm<OutcomeFields, typeof RecordOutcome>({
    schema: RecordOutcome,
    defaultValues: { summary: draft, decisions: [emptyDecision()] },
    toRequest,
  });
  const decisions = useFieldArray({ control: form.control, name: 'decisions' });
  const submit = form.submitWith(
    async (request) => {
      const held = await recordMeetingOutcome(meeting.id, request);
      queryClient.setQueryData(queryKeys.meeting(meeting.id), held);
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.plan(meeting.caseId) });
    },
    { failed: t('meetingOutcome.failed') },
  );
  const offered = disciplines.filter((group) => !(plan.data && !plan.data.healthVisible && group === 'health'));

  return (
    <FormElement control={form.control} onSubmit={submit} onCancel={onClose} className="form">
      <FormStatus control={form.control} />
      <p className="hint" id={`${id}-notice`}>
        {t('meetingOutcome.notice')}
        {draft && <> {t('meetings.notes.summaryFromNotes')}</>}
      </p>
      <FormField form={form} name="summary" label={t('meetingOutcome.summary')} describedBy={`${id}-notice`}>
        {(field) => <textarea rows={5} {...field} />}
      </FormField>
      {decisions.fields.map((item, i) => {
        const number = i + 1;
        const kind = form.watch(`decisions.${i}.kind`);
        const status = form.watch(`decisions.${i}.effort.change.status`);
        return (
          <fieldset key={item.id} className="meeting-outcome__decision" data-testid={`decision-${number}`}>
            <legend>{t('meetingOutcome.decision', { number })}</legend>
            <FormField form={form} name={`decisions.${i}.text`} label={t('meetingOutcome.decisionText')}>
              {(field) => <textarea rows={2} {...field} />}
            </FormField>
            <RadioField
              form={form}
              name={`decisions.${i}.kind`}
              legend={t('meetingOutcome.effortKind')}
              choices={(['none', 'add', 'change'] as const).map((value) => ({
                value,
                label: t(`meetingOutcome.kinds.${value}`),
              }))}
            />
            {kind === 'add' && (
              <>
                <FormField form={form} name={`decisions.${i}.effort.add.type`} label={t('meetingOutcome.effortType')}>
                  {(field) => (
                    <select {...field}>
                      <EffortTypeOptions offered={offered} placeholder={t('meetingOutcome.chooseType')} />
                    </select>
                  )}
                </FormField>
                <FormField form={form} name={`decisions.${i}.effort.add.title`} label={t('meetingOutcome.effortTitle')}>
                  {(field) => <input type="text" {...field} />}
                </FormField>
              </>
            )}
            {kind === 'change' && (
              <>
                <FormField
                  form={form}
                  name={`decisions.${i}.effort.change.effortId`}
                  label={t('meetingOutcome.effort')}
                >
                  {(field) => (
                    <select {...field}>
                      <option value="">{t('meetingOutcome.chooseEffort')}</option>
                      {efforts.map((e) => (
                        <option key={e.id} value={e.id}>
                          {e.title}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                <FormField form={form} name={`decisions.${i}.effort.change.status`} label={t('meetingOutcome.status')}>
                  {(field) => (
                    <select {...field}>
                      <option value="">{t('meetingOutcome.keepStatus')}</option>
                      {EffortStatus.options.map((s) => (
                        <option key={s} value={s}>
                          {t(`effortStatuses.${s}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                {status === 'stopped' && (
                  <FormField
                    form={form}
                    name={`decisions.${i}.effort.change.stopReason`}
                    label={t('meetingOutcome.stopReason')}
                  >
                    {(field) => <textarea rows={2} {...field} />}
                  </FormField>
                )}
                <FormField
                  form={form}
                  name={`decisions.${i}.effort.change.endDate`}
                  label={t('meetingOutcome.endDate')}
                  hint={t('forms.dateHint')}
                  optional
                >
                  {(field) => <DateInput {...field} />}
                </FormField>
              </>
            )}
            <button type="button" className="button button--small" onClick={() => decisions.remove(i)}>
              {t('meetingOutcome.removeDecision', { number })}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button type="button" className="button" onClick={() => decisions.append(emptyDecision())}>
          {t('meetingOutcome.addDecision')}
        </button>
      </p>
      <FormActions
        control={form.control}
        submit={t('meetingOutcome.submit')}
        testId="record-outcome"
        onCancel={onClose}
      />
    </FormElement>
  );
}
