import { disciplines, EffortStatus, effortTypes, RecordOutcome } from '@tvaers/contracts';
import type {
  CaseMember,
  Effort,
  EffortType,
  Meeting,
  MeetingDecision,
  MeetingOutcome as Outcome,
} from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useInlineForm } from '@web/shared/hooks/useInlineForm';
import { useTranslation } from 'react-i18next';
import { useEffortOwners } from '@web/features/cases/hooks/useEffortOwners';
import { usePlan } from '@web/features/cases/hooks/usePlan';
import { FormField, RadioField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { dateFieldToIso, isoToDateField } from '@web/shared/forms/date-field';
import { useContractForm } from '@web/shared/forms/useContractForm';
import type { ContractForm } from '@web/shared/forms/useContractForm';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useMeetingNotes } from '../hooks/useMeetingNotes';
import { useRecordOutcome } from '../hooks/useRecordOutcome';
import { EffortDateFields } from '@web/features/cases/components/EffortDateFields';
import { EffortOwnerOptions, EffortTypeOptions } from '@web/features/cases/components/EffortTypeOptions';

type Kind = 'none' | 'add' | 'change';

/** An effort's changeable values as a change decision's fields show them (dates as typed, dd-mm-åååå). */
interface EffortValues {
  title: string;
  ownerId: string;
  purpose: string;
  startDate: string;
  endDate: string;
  status: EffortStatus | '';
  stopReason: string;
}

/**
 * A change decision's fields: every field of an effort's PATCH, prefilled with the chosen effort's values,
 * which are kept as `was` (no control): a change is measured against what the user saw, so an edit made
 * elsewhere meanwhile is not undone by a field the user left alone.
 */
interface ChangeFields extends EffortValues {
  effortId: string;
  was: EffortValues | null;
}
/** A decision's fields, named as the request's paths so the server's `decisions.N.…` errors land at them. */
interface DecisionFields {
  text: string;
  kind: Kind;
  effort: { add: { type: EffortType | ''; title: string }; change: ChangeFields };
}

interface OutcomeFields {
  summary: string;
  decisions: DecisionFields[];
}

const changeFieldsOf = (effort: Effort | undefined): ChangeFields => {
  const values: EffortValues = {
    title: effort?.title ?? '',
    ownerId: effort?.ownerId ?? '',
    purpose: effort?.purpose ?? '',
    startDate: isoToDateField(effort?.startDate ?? null),
    endDate: isoToDateField(effort?.endDate ?? null),
    status: effort?.status ?? '',
    stopReason: effort?.stopReason ?? '',
  };
  return { effortId: effort?.id ?? '', ...values, was: effort ? values : null };
};

const emptyDecision = (): DecisionFields => ({
  text: '',
  kind: 'none',
  effort: { add: { type: '', title: '' }, change: changeFieldsOf(undefined) },
});

/**
 * The change as the request: only the fields the user changed, so the decision's plan version lists the real
 * changes only. A cleared date is no date (null), a cleared owner no owner; a stop carries its reason.
 */
function changeOf({ effortId, was, ...now }: ChangeFields) {
  if (!was) return { effortId: effortId || undefined };
  const changed = (name: keyof EffortValues) => now[name].trim() !== was[name].trim();
  const date = (text: string) => dateFieldToIso(text) ?? null;
  const dateChange = (name: 'startDate' | 'endDate') =>
    date(now[name]) === date(was[name]) ? undefined : date(now[name]);
  return {
    effortId,
    title: changed('title') ? now.title : undefined,
    ownerId: changed('ownerId') ? now.ownerId || null : undefined,
    purpose: changed('purpose') ? now.purpose : undefined,
    startDate: dateChange('startDate'),
    endDate: dateChange('endDate'),
    status: changed('status') ? now.status || undefined : undefined,
    stopReason: now.status === 'stopped' && (changed('status') || changed('stopReason')) ? now.stopReason : undefined,
  };
}

/** The contract's end-before-start rule worded at each decision's end date (RecordOutcome allows 30 decisions). */
const endBeforeStart = (message: string) =>
  Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`decisions.${i}.effort.change.endDate`, message]));

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
            ? { change: changeOf(change) }
            : undefined,
    };
  }),
});

/**
 * "Afslut møde": once a scheduled meeting has started, its staff mark it held with a summary
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
  const record = useRecordOutcome(meeting);
  const plan = usePlan(meeting.caseId);
  const efforts: Effort[] = plan.data?.efforts ?? [];
  const owners = useEffortOwners(meeting.caseId);
  const form = useContractForm<OutcomeFields, typeof RecordOutcome>({
    schema: RecordOutcome,
    defaultValues: { summary: draft, decisions: [emptyDecision()] },
    toRequest,
    refinementMessages: endBeforeStart(t('addEffort.endBeforeStart')),
  });
  const decisions = useFieldArray({ control: form.control, name: 'decisions' });
  const submit = form.submitWith(
    async (request) => {
      await record.mutateAsync(request);
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
              <ChangeEffortFields
                form={form}
                index={i}
                efforts={efforts}
                owners={owners}
                hintId={`${id}-change-${i}`}
              />
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

/**
 * A change decision: the effort, then every field its PATCH can change, prefilled with the effort as it is now.
 * Choosing another effort fills them afresh; only what the user changes is sent (`changeOf`). The owner is one of
 * the case's staff (or its team's) of the effort's discipline, as on the case page.
 */
function ChangeEffortFields({
  form,
  index: i,
  efforts,
  owners,
  hintId,
}: {
  form: ContractForm<OutcomeFields, RecordOutcome>;
  index: number;
  efforts: Effort[];
  owners: CaseMember[];
  hintId: string;
}) {
  const { t } = useTranslation();
  const path = `decisions.${i}.effort.change` as const;
  const effort = efforts.find((e) => e.id === form.watch(`${path}.effortId`));
  const status = form.watch(`${path}.status`);
  const offered = owners.filter((member) => member.discipline === effort?.discipline);
  const unknownOwnerId =
    effort?.ownerId && !offered.some((member) => member.staffId === effort.ownerId) ? effort.ownerId : undefined;
  const discipline = effort ? t(`efforts.groups.${effort.discipline}`) : '';
  return (
    <>
      <FormField
        form={form}
        name={`${path}.effortId`}
        label={t('meetingOutcome.effort')}
        options={{
          onChange: (event: { target: { value: string } }) => {
            const chosen = efforts.find((e) => e.id === event.target.value);
            form.setValue(path, changeFieldsOf(chosen));
          },
        }}
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
      {effort && (
        <>
          <p className="hint" id={hintId}>
            {t('meetingOutcome.changeHint')}
          </p>
          <FormField form={form} name={`${path}.title`} label={t('meetingOutcome.effortTitle')} describedBy={hintId}>
            {(field) => <input type="text" {...field} />}
          </FormField>
          <FormField
            form={form}
            name={`${path}.ownerId`}
            label={t('meetingOutcome.owner')}
            hint={
              offered.length > 0 ? t('addEffort.ownerHint', { discipline }) : t('addEffort.noOwners', { discipline })
            }
          >
            {(field) => (
              <select {...field}>
                <EffortOwnerOptions
                  owners={offered}
                  none={t('meetingOutcome.noOwner')}
                  unknownOwnerId={unknownOwnerId}
                />
              </select>
            )}
          </FormField>
          <FormField form={form} name={`${path}.purpose`} label={t('meetingOutcome.purpose')} optional>
            {(field) => <textarea rows={2} {...field} />}
          </FormField>
          <EffortDateFields
            form={form}
            names={[`${path}.startDate`, `${path}.endDate`]}
            labels={[t('meetingOutcome.startDate'), t('meetingOutcome.endDate')]}
          />
          <FormField form={form} name={`${path}.status`} label={t('meetingOutcome.status')}>
            {(field) => (
              <select {...field}>
                {EffortStatus.options.map((s) => (
                  <option key={s} value={s}>
                    {t(`effortStatuses.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {status === 'stopped' && (
            <FormField form={form} name={`${path}.stopReason`} label={t('meetingOutcome.stopReason')}>
              {(field) => <textarea rows={2} {...field} />}
            </FormField>
          )}
        </>
      )}
    </>
  );
}
