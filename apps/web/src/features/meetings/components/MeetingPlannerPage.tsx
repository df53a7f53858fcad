import { CreateMeeting } from '@tvaers/contracts';
import { startTimes } from '@tvaers/domain';
import type { Case, ParticipantInput } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '@web/features/auth/hooks/useSession';
import { useCase } from '@web/features/cases/hooks/useCase';
import { dateFieldToIso } from '@web/shared/forms/date-field';
import { asArray, FormField } from '@web/shared/forms/FormField';
import { FieldError, FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { type ContractForm, useContractForm } from '@web/shared/forms/useContractForm';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { isMeetingConflict, isNotFound, meetingConflicts } from '@web/shared/lib/errors';
import { DateInput } from '@web/shared/ui/DateInput';
import { ListLoad, LoadProgress } from '@web/shared/ui/QueryLoad';
import { useCaseColleagues } from '@web/features/cases/hooks/useCaseColleagues';
import { useAvailability, useCreateMeeting } from '../hooks/useCaseMeetings';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { copenhagenInstant, instantFields } from '@web/shared/lib/copenhagen-time';
import { clockFieldToTime } from '@web/shared/lib/format';
import './meetings.css';

export interface PlanFields {
  title: string;
  location: string;
  videoUrl: string;
  /** One point per line. */
  agenda: string;
  staffIds: string[];
  citizen: boolean;
  doctorName: string;
  doctorEmail: string;
  mode: 'fixed' | 'proposals';
  date: string;
  start: string;
  end: string;
  duration: string;
  proposals: string[];
}

const durations = [30, 45, 60, 90] as const;
/** Days of start times shown at first (and added by "Vis flere dage"). */
const DAYS_PER_PAGE = 5;
/** Start times are offered every half hour of a free window (libs/domain `startTimes`). */
interface StartTime {
  start: string;
  end: string;
}

const optionalText = (text: string) => (text.trim() === '' ? undefined : text);

/** A typed agenda, one point per line; none typed: left out, so the standard agenda applies. */
const agendaItems = (text: string) => {
  const items = text.split('\n').filter((line) => line.trim() !== '');
  return items.length ? items : undefined;
};

/** A typed Danish date and time as the contract's instant; what cannot be read is passed on to fail there. */
export function fieldInstant(date: string, clock: string): string | undefined {
  if (date.trim() === '' && clock.trim() === '') return undefined;
  const iso = dateFieldToIso(date);
  const time = clockFieldToTime(clock);
  return (iso && time && copenhagenInstant(iso, time)) || `${date} ${clock}`;
}

/** The fields as the contract's CreateMeeting; field names are the request's paths where they can be. */
export function planRequest(values: PlanFields, caseId: string): unknown {
  const participants: ParticipantInput[] = asArray(values.staffIds).map((staffId) => ({ kind: 'staff', staffId }));
  if (values.doctorName.trim() !== '' || values.doctorEmail.trim() !== '') {
    participants.push({ kind: 'doctor', name: values.doctorName, email: optionalText(values.doctorEmail) });
  }
  if (values.citizen) participants.push({ kind: 'citizen' });
  const minutes = Number(values.duration);
  const time =
    values.mode === 'fixed'
      ? { start: fieldInstant(values.date, values.start) ?? '', end: fieldInstant(values.date, values.end) ?? '' }
      : {
          proposals: asArray(values.proposals).map((start) => ({
            start,
            end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
          })),
        };
  return {
    caseId,
    title: optionalText(values.title),
    location: optionalText(values.location),
    videoUrl: optionalText(values.videoUrl),
    agenda: agendaItems(values.agenda),
    participants,
    ...time,
  };
}

/** `/cases/:caseId/meetings/new`: plan a roundtable meeting for the case. */
export function MeetingPlannerPage() {
  const { caseId = '' } = useParams<{ caseId: string }>();
  const { t } = useTranslation();
  const caseLoad = useCase(caseId);
  const { data: caseRecord, error } = caseLoad;
  usePageTitle(t('meetings.planner.title'));
  if (caseRecord) return <Planner key={caseId} caseRecord={caseRecord} />;
  return (
    <>
      <h1>{t('meetings.planner.title')}</h1>
      {isNotFound(error) ? (
        <p>{t('casePage.notFoundText')}</p>
      ) : (
        <LoadProgress load={caseLoad} loading={t('casePage.loading')} failed={t('casePage.loadFailed')} />
      )}
    </>
  );
}

/** The staff names in a 409 MEETING_CONFLICT's errors (each names its `staffId`), by time field. */
function conflictNames(error: unknown, names: Map<string, string>): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const { path, name } of meetingConflicts(error, names)) {
    const field = path.startsWith('proposals') ? 'proposals' : path === 'end' ? 'start' : path;
    byPath.set(field, [...new Set([...(byPath.get(field) ?? []), name])]);
  }
  return byPath;
}

function Planner({ caseRecord }: { caseRecord: Case }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state } = useSession();
  const me = state.status === 'signedIn' ? state.user : undefined;
  const create = useCreateMeeting();
  // The case team's colleagues, not only its members: an invited colleague joins the case (the API's rule).
  const { data: team } = useCaseColleagues(caseRecord.id);
  const colleagues = (team ?? caseRecord.members).filter((member) => member.staffId !== me?.id);
  // A time chosen in the calendar (`?start=&end=`, instants) comes as a fixed time, to be changed if wished.
  const [search] = useSearchParams();
  const [chosenStart, chosenEnd] = [instantFields(search.get('start') ?? ''), instantFields(search.get('end') ?? '')];
  const chosenTime = chosenStart && chosenEnd ? { start: chosenStart, end: chosenEnd } : undefined;
  const form = useContractForm<PlanFields, typeof CreateMeeting>({
    schema: CreateMeeting,
    defaultValues: {
      title: t('meetings.planner.defaultTitle'),
      location: '',
      videoUrl: '',
      agenda: '',
      staffIds: [],
      citizen: true,
      doctorName: '',
      doctorEmail: '',
      mode: chosenTime ? 'fixed' : 'proposals',
      date: chosenTime?.start.date ?? '',
      start: chosenTime?.start.clock ?? '',
      end: chosenTime?.end.clock ?? '',
      duration: '60',
      proposals: [],
    },
    toRequest: (values) => planRequest(values, caseRecord.id),
    fieldMessages: {
      proposals: (code) =>
        code === 'too_small'
          ? t('pages.planner.atLeastTwo')
          : code === 'too_big'
            ? t('pages.planner.atMostFive')
            : undefined,
    },
  });
  const mode = useWatch({ control: form.control, name: 'mode' });
  const names = new Map([...caseRecord.members, ...(team ?? [])].map((member) => [member.staffId, member.name]));

  const submit = form.submitWith(
    async (request) => {
      const meeting = await create.mutateAsync(request);
      await navigate(`/meetings/${encodeURIComponent(meeting.id)}`);
    },
    {
      failed: t('meetings.planner.failed'),
      onError: (error) => {
        if (!isMeetingConflict(error)) return false;
        for (const [path, who] of conflictNames(error, names)) {
          form.setError(path as 'start' | 'proposals', {
            type: 'server',
            message: t('meetings.planner.conflict', { names: who.join(', ') }),
          });
        }
        return true;
      },
    },
  );

  return (
    <>
      <h1>{t('meetings.planner.title')}</h1>
      <p>
        <Link to={`/cases/${encodeURIComponent(caseRecord.id)}`}>
          {t('meetings.planner.backToCase')}: {caseRecord.citizenName}
        </Link>
      </p>
      <FormElement control={form.control} onSubmit={submit} className="form meeting-planner">
        <FormStatus control={form.control} />
        <fieldset className="card">
          <legend>{t('meetings.planner.details')}</legend>
          <FormField form={form} name="title" label={t('meetings.planner.meetingTitle')}>
            {(field) => <input type="text" {...field} />}
          </FormField>
          <FormField form={form} name="location" label={t('meetings.planner.location')} optional>
            {(field) => <input type="text" {...field} />}
          </FormField>
          <FormField form={form} name="videoUrl" label={t('meetings.planner.videoUrl')} optional>
            {(field) => <input type="url" {...field} />}
          </FormField>
          <FormField
            form={form}
            name="agenda"
            label={t('meetings.planner.agenda')}
            hint={t('meetings.planner.agendaHint')}
            optional
          >
            {(field) => <textarea rows={4} {...field} />}
          </FormField>
        </fieldset>
        <fieldset className="card">
          <legend>{t('meetings.planner.participants')}</legend>
          <p className="hint">{t('meetings.planner.youTakePart')}</p>
          <fieldset className="checkbox-group">
            <legend>{t('meetings.planner.staff')}</legend>
            {colleagues.length === 0 && <p>{t('meetings.planner.noStaff')}</p>}
            {colleagues.map((member) => (
              <div key={member.staffId} className="checkbox">
                <input
                  id={`staff-${member.staffId}`}
                  type="checkbox"
                  value={member.staffId}
                  {...form.register('staffIds')}
                />
                <label htmlFor={`staff-${member.staffId}`}>
                  {member.name} ({t(`disciplines.${member.discipline}`)})
                </label>
              </div>
            ))}
          </fieldset>
          <div className="checkbox">
            <input id="planner-citizen" type="checkbox" {...form.register('citizen')} />
            <label htmlFor="planner-citizen">
              {t('meetings.planner.citizen')} ({caseRecord.citizenName})
            </label>
          </div>
          <fieldset>
            <legend>{t('meetings.planner.doctor')}</legend>
            <FormField form={form} name="doctorName" label={t('meetings.planner.doctorName')} optional>
              {(field) => <input type="text" autoComplete="off" {...field} />}
            </FormField>
            <FormField form={form} name="doctorEmail" label={t('meetings.planner.doctorEmail')} optional>
              {(field) => <input type="email" autoComplete="off" {...field} />}
            </FormField>
          </fieldset>
        </fieldset>
        <fieldset className="card">
          <legend>{t('meetings.planner.when')}</legend>
          <div className="radio">
            <input id="planner-mode-proposals" type="radio" value="proposals" {...form.register('mode')} />
            <label htmlFor="planner-mode-proposals">{t('meetings.planner.modeProposals')}</label>
          </div>
          <div className="radio">
            <input id="planner-mode-fixed" type="radio" value="fixed" {...form.register('mode')} />
            <label htmlFor="planner-mode-fixed">{t('meetings.planner.modeFixed')}</label>
          </div>
          {mode === 'fixed' ? (
            <div className="meeting-planner__time">
              <FormField form={form} name="date" label={t('meetings.planner.date')} hint={t('forms.dateHint')}>
                {(field) => <DateInput {...field} />}
              </FormField>
              <FormField
                form={form}
                name="start"
                label={t('meetings.planner.start')}
                hint={t('meetings.planner.timeHint')}
              >
                {(field) => <input type="text" inputMode="numeric" size={5} {...field} />}
              </FormField>
              <FormField form={form} name="end" label={t('meetings.planner.end')} hint={t('meetings.planner.timeHint')}>
                {(field) => <input type="text" inputMode="numeric" size={5} {...field} />}
              </FormField>
            </div>
          ) : (
            <FindTime form={form} myId={me?.id} />
          )}
        </fieldset>
        <FormActions
          control={form.control}
          submit={t('meetings.planner.submit')}
          pendingLabel={t('meetings.planner.pending')}
          testId="plan-meeting"
        />
      </FormElement>
    </>
  );
}

/**
 * "Find et tidspunkt": the meeting's length, then the exact start times the common free windows of the caller
 * and the chosen staff offer, grouped by day, to tick 2–5 of as proposals.
 */
function FindTime({ form, myId }: { form: ContractForm<PlanFields, CreateMeeting>; myId: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const [days, setDays] = useState(DAYS_PER_PAGE);
  const chosen = asArray(useWatch({ control: form.control, name: 'staffIds' }));
  const duration = Number(useWatch({ control: form.control, name: 'duration' }));
  // Sorted, so the query key (compared by value) does not change with the order of ticking.
  const staffIds = [...new Set([...(myId ? [myId] : []), ...chosen])].sort();
  // From the next whole hour, fixed while the page is open so the query is not fetched over and over.
  const [from] = useState(() => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000).toISOString());
  const availability = useAvailability(staffIds, from, duration, true);
  const slots = availability.data;
  const byDay = new Map<string, StartTime[]>();
  const offered = (slots ?? []).flatMap((window) =>
    startTimes({ start: new Date(window.start), end: new Date(window.end) }, duration).map((time): StartTime => ({
      start: time.start.toISOString(),
      end: time.end.toISOString(),
    })),
  );
  for (const time of offered) {
    const day = instantFields(time.start)?.date ?? time.start;
    byDay.set(day, [...(byDay.get(day) ?? []), time]);
  }
  const dayList = [...byDay.entries()];
  const clock = (instant: string) => instantFields(instant)?.clock ?? instant;

  return (
    <section className="find-time" aria-labelledby={`${id}-title`} data-testid="find-time">
      <h2 id={`${id}-title`}>{t('meetings.planner.find')}</h2>
      <p className="hint">{t('pages.planner.findHint')}</p>
      <FormField form={form} name="duration" label={t('meetings.planner.duration')}>
        {(field) => (
          <select
            {...field}
            onChange={(event) => {
              // Times ticked for another length may not fit: the choice starts over.
              form.setValue('proposals', []);
              void field.onChange(event);
            }}
          >
            {durations.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {t('meetings.planner.minutes', { count: minutes })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ListLoad
        load={availability}
        items={slots && dayList}
        loading={t('meetings.planner.loadingSlots')}
        failed={t('meetings.planner.slotsFailed')}
        empty={t('meetings.planner.noSlots')}
      >
        {() => (
          <fieldset className="slot-list" aria-describedby={`${id}-error`} data-testid="start-times">
            <legend>{t('pages.planner.startTimes')}</legend>
            {dayList.slice(0, days).map(([day, times]) => (
              <fieldset key={day} className="checkbox-group slot-day">
                <legend>{format.weekdayOf(times[0].start)}</legend>
                <div className="slot-day__times">
                  {times.map((time) => (
                    <div key={time.start} className="checkbox">
                      <input
                        id={`${id}-${time.start}`}
                        type="checkbox"
                        value={time.start}
                        {...form.register('proposals')}
                      />
                      <label htmlFor={`${id}-${time.start}`}>
                        {t('pages.planner.startTime', { start: clock(time.start), end: clock(time.end) })}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            ))}
            {dayList.length > days && (
              <button type="button" className="button" onClick={() => setDays((n) => n + DAYS_PER_PAGE)}>
                {t('pages.planner.moreDays')}
              </button>
            )}
          </fieldset>
        )}
      </ListLoad>
      <FieldError control={form.control} name="proposals" id={`${id}-error`} />
    </section>
  );
}
