import {
  ChooseTime,
  CreateHealthStatement,
  CreateOwnAssessment,
  type GivenHealthStatement,
  type GivenOwnAssessment,
  type GuestView,
  workCapacities,
} from '@tvaers/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Facts } from '@web/features/cases/components/Facts';
import { MeetingFacts } from '@web/features/meetings/components/MeetingFacts';
import { FormField, RadioField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { describeError } from '@web/shared/lib/errors';
import { PublicLayout } from '@web/shared/ui/PublicLayout';
import { PageLoad } from '@web/shared/ui/PageLoad';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';
import {
  useChooseTime,
  useGuestResponse,
  useGuestView,
  useSendHealthStatement,
  useSendOwnAssessment,
} from '../hooks/useGuestView';
import { GuestAbout } from './GuestAbout';
import { GuestCodeGate } from './GuestCodeGate';
import { GuestLinkLimited } from './GuestLinkLimited';
import { GuestOutcome } from './GuestOutcome';
import { GuestAccessLog } from './GuestAccessLog';
import { GuestRoom } from './GuestRoom';
import './guest.css';

/**
 * `/m/:token`: the public page behind a guest link (doctor, citizen, other guests), no login. Plain
 * Danish and phone first: the meeting, the guest's own answer, and what this guest can add.
 */
export function GuestMeetingPage() {
  const { token = '' } = useParams<{ token: string }>();
  const { t } = useTranslation();
  return (
    <PublicLayout narrow>
      <PageLoad
        load={useGuestView(token)}
        title={t('guest.title')}
        loadedTitle={(view) => view.meeting.title}
        notFoundTitle={t('guest.invalidTitle')}
        notFound={
          <div className="card" data-testid="guest-invalid">
            <h1>{t('guest.invalidTitle')}</h1>
            <p>{t('guest.invalidText')}</p>
          </div>
        }
        loading={t('guest.loading')}
        failed={t('guest.loadFailed')}
      >
        {(view) => <GuestMeeting token={token} view={view} />}
      </PageLoad>
    </PublicLayout>
  );
}

function GuestMeeting({ token, view }: { token: string; view: GuestView }) {
  const { t } = useTranslation();
  const { meeting, guest, planExcerpt } = view;
  const open = meeting.status === 'proposed' || meeting.status === 'scheduled';
  return (
    <>
      <h1>{meeting.title}</h1>
      <p>{t('guest.hello', { name: guest.name })}</p>
      {view.limitedBy && <GuestLinkLimited limitedBy={view.limitedBy} />}
      {view.codeGate && <GuestCodeGate token={token} gate={view.codeGate} />}
      <GuestAbout view={view} />
      <MeetingFacts
        meeting={meeting}
        extra={[
          {
            term: t('guest.yourAnswer'),
            detail: <span data-testid="guest-answer">{t(`meetings.responses.${guest.response}`)}</span>,
          },
        ]}
      />
      {open && guest.kind === 'doctor' && meeting.status === 'proposed' && meeting.proposals.length > 0 ? (
        <ChooseProposal token={token} view={view} />
      ) : (
        open && <Respond token={token} response={guest.response} />
      )}
      {view.outcome && <GuestOutcome outcome={view.outcome} />}
      {/* The socket is refused until the e-mail code is entered: live notes may hold health data. */}
      {!view.codeGate && <GuestRoom token={token} view={view} />}
      {planExcerpt && (
        <section className="card" aria-labelledby="guest-plan-title">
          <h2 id="guest-plan-title">{t('guest.plan.title')}</h2>
          <h3>{t('guest.plan.citizenGoal')}</h3>
          <p>{planExcerpt.citizenGoal || '–'}</p>
          <h3>{t('guest.plan.jobGoal')}</h3>
          <p>{planExcerpt.jobGoal || '–'}</p>
          <h3>{t('guest.plan.efforts')}</h3>
          {planExcerpt.efforts.length === 0 ? (
            <p>–</p>
          ) : (
            <ul>
              {planExcerpt.efforts.map((effort, i) => (
                <li key={i}>{effort.title}</li>
              ))}
            </ul>
          )}
          {planExcerpt.ownAssessment && (
            <>
              <h3>{t('guest.plan.ownAssessment')}</h3>
              <p>{planExcerpt.ownAssessment.text}</p>
            </>
          )}
        </section>
      )}
      {!view.codeGate && guest.kind === 'doctor' && meeting.status !== 'cancelled' && (
        <HealthStatementForm token={token} given={view.given.healthStatements} />
      )}
      {!view.codeGate && guest.kind === 'citizen' && (
        <>
          <OwnAssessmentForm token={token} given={view.given.ownAssessments} />
          {!view.limitedBy && <GuestAccessLog token={token} />}
        </>
      )}
    </>
  );
}

function ChooseProposal({ token, view }: { token: string; view: GuestView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const choose = useChooseTime(token);
  const form = useContractForm<{ start: string }, typeof ChooseTime>({
    schema: ChooseTime,
    defaultValues: { start: '' },
  });
  const submit = form.submitWith(
    async ({ start }) => {
      await choose.mutateAsync(start);
    },
    { failed: t('guest.choose.failed') },
  );
  return (
    <section className="card" aria-labelledby="guest-choose-title">
      <h2 id="guest-choose-title">{t('guest.choose.title')}</h2>
      <FormElement control={form.control} onSubmit={submit} className="form">
        <FormStatus control={form.control} />
        <RadioField
          form={form}
          name="start"
          legend={t('guest.choose.legend')}
          choices={view.meeting.proposals.map((p) => ({ value: p.start, label: format.slot(p.start, p.end) }))}
        />
        <FormActions control={form.control} submit={t('guest.choose.submit')} testId="choose-time" />
      </FormElement>
      <Respond token={token} response={view.guest.response} declineOnly />
    </section>
  );
}

function Respond({
  token,
  response,
  declineOnly = false,
}: {
  token: string;
  response: GuestView['guest']['response'];
  declineOnly?: boolean;
}) {
  const { t } = useTranslation();
  const answer = useGuestResponse(token);
  return (
    <div className="guest-respond">
      <p className="button-row">
        {!declineOnly && (
          <button
            type="button"
            className="button"
            aria-pressed={response === 'accepted'}
            disabled={answer.isPending}
            onClick={() => answer.mutate('accepted')}
          >
            {t('guest.accept')}
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-pressed={response === 'declined'}
          disabled={answer.isPending}
          onClick={() => answer.mutate('declined')}
        >
          {declineOnly ? t('guest.declineAll') : t('guest.decline')}
        </button>
      </p>
      {answer.error && <ErrorAlert>{describeError(answer.error, t, t('guest.answerFailed'))}</ErrorAlert>}
    </div>
  );
}

interface HealthFields {
  workCapacity: string;
  assessment: string;
  recommendations: string;
  restrictions: string;
}

/** The doctor's statement: once sent, a read-only copy of it, and a new one only when asked for. */
function HealthStatementForm({ token, given }: { token: string; given: GivenHealthStatement[] }) {
  const { t } = useTranslation();
  const send = useSendHealthStatement(token);
  const [adding, setAdding] = useState(false);
  const form = useContractForm<HealthFields, typeof CreateHealthStatement>({
    schema: CreateHealthStatement,
    defaultValues: { workCapacity: '', assessment: '', recommendations: '', restrictions: '' },
    toRequest: (v) => ({
      ...v,
      workCapacity: v.workCapacity || undefined,
      restrictions: v.restrictions.trim() === '' ? undefined : v.restrictions,
    }),
  });
  const submit = form.submitWith(
    async (request) => {
      await send.mutateAsync(request);
      setAdding(false);
    },
    {
      failed: t('guest.health.failed'),
      resetTo: () => ({ workCapacity: '', assessment: '', recommendations: '', restrictions: '' }),
    },
  );
  return (
    <SentOrForm
      id="guest-health-title"
      title={t('guest.health.title')}
      hint={t('guest.health.hint')}
      sent={given.length > 0 && <GivenStatements given={given} />}
      sentTestId="guest-given-statements"
      sentText={t('pages.guest.given.statementSent')}
      addLabel={t('pages.guest.given.addStatement')}
      showForm={given.length === 0 || adding}
      onAdd={() => setAdding(true)}
    >
      <FormElement control={form.control} onSubmit={submit} className="form">
        <FormStatus control={form.control} saved={t('guest.health.saved')} />
        <RadioField
          form={form}
          name="workCapacity"
          legend={t('guest.health.workCapacity')}
          choices={workCapacities.map((value) => ({ value, label: t(`guest.health.capacities.${value}`) }))}
        />
        <FormField form={form} name="assessment" label={t('guest.health.assessment')}>
          {(field) => <textarea rows={5} {...field} />}
        </FormField>
        <FormField form={form} name="recommendations" label={t('guest.health.recommendations')}>
          {(field) => <textarea rows={4} {...field} />}
        </FormField>
        <FormField form={form} name="restrictions" label={t('guest.health.restrictions')} optional>
          {(field) => <textarea rows={3} {...field} />}
        </FormField>
        <FormActions control={form.control} submit={t('guest.health.submit')} />
      </FormElement>
    </SentOrForm>
  );
}

/**
 * A guest's form that, once sent, shows what was sent (read-only) and a new one only when asked for
 * (the doctor's statement, the citizen's own assessment).
 */
function SentOrForm({
  id,
  title,
  hint,
  sent,
  sentTestId,
  sentText,
  addLabel,
  showForm,
  onAdd,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  /** What was sent, if anything. */
  sent: ReactNode;
  sentTestId: string;
  sentText: string;
  addLabel: string;
  showForm: boolean;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint && <p className="hint">{hint}</p>}
      {sent && (
        <div data-testid={sentTestId}>
          <p role="status" className="status-text">
            {sentText}
          </p>
          {sent}
        </div>
      )}
      {showForm ? (
        children
      ) : (
        <button type="button" className="button" onClick={onAdd}>
          {addLabel}
        </button>
      )}
    </section>
  );
}

function GivenStatements({ given }: { given: GivenHealthStatement[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <>
      {given.map((s) => (
        <article key={s.id} className="guest-given">
          <h3>{t('pages.guest.given.sentAt', { at: format.dateTime(s.createdAt) })}</h3>
          <Facts
            className="guest-given__facts"
            facts={[
              { term: t('guest.health.workCapacity'), detail: t(`guest.health.capacities.${s.workCapacity}`) },
              { term: t('guest.health.assessment'), detail: <span className="prewrap">{s.assessment}</span> },
              { term: t('guest.health.recommendations'), detail: <span className="prewrap">{s.recommendations}</span> },
              s.restrictions !== null && {
                term: t('guest.health.restrictions'),
                detail: <span className="prewrap">{s.restrictions}</span>,
              },
            ]}
          />
        </article>
      ))}
    </>
  );
}

interface OwnFields {
  text: string;
  wellbeing: string;
}

/** The citizen's own assessment: once sent, a read-only copy of it, and a new one only when asked for. */
function OwnAssessmentForm({ token, given }: { token: string; given: GivenOwnAssessment[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const send = useSendOwnAssessment(token);
  const [adding, setAdding] = useState(false);
  const form = useContractForm<OwnFields, typeof CreateOwnAssessment>({
    schema: CreateOwnAssessment,
    defaultValues: { text: '', wellbeing: '' },
    toRequest: (v) => ({ text: v.text, wellbeing: v.wellbeing === '' ? undefined : Number(v.wellbeing) }),
  });
  const submit = form.submitWith(
    async (request) => {
      await send.mutateAsync(request);
      setAdding(false);
    },
    { failed: t('guest.own.failed'), resetTo: () => ({ text: '', wellbeing: '' }) },
  );
  return (
    <SentOrForm
      id="guest-own-title"
      title={t('guest.own.title')}
      sent={
        given.length > 0 &&
        given.map((a) => (
          <article key={a.id} className="guest-given">
            <h3>{t('pages.guest.given.sentAt', { at: format.dateTime(a.createdAt) })}</h3>
            <p className="prewrap">{a.text}</p>
            {a.wellbeing !== null && <p>{t('pages.guest.given.wellbeing', { value: a.wellbeing })}</p>}
          </article>
        ))
      }
      sentTestId="guest-given-assessments"
      sentText={t('pages.guest.given.assessmentSent')}
      addLabel={t('pages.guest.given.addAssessment')}
      showForm={given.length === 0 || adding}
      onAdd={() => setAdding(true)}
    >
      <FormElement control={form.control} onSubmit={submit} className="form">
        <FormStatus control={form.control} saved={t('guest.own.saved')} />
        <FormField form={form} name="text" label={t('guest.own.text')}>
          {(field) => <textarea rows={5} {...field} />}
        </FormField>
        <FormField form={form} name="wellbeing" label={t('guest.own.wellbeing')} optional>
          {(field) => (
            <select {...field}>
              <option value="">–</option>
              {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormActions control={form.control} submit={t('guest.own.submit')} />
      </FormElement>
    </SentOrForm>
  );
}
