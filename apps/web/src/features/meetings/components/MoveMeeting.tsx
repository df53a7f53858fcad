import { type Meeting, UpdateMeeting } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useInlineForm } from '@web/shared/hooks/useInlineForm';
import { isMeetingConflict, meetingConflictNames } from '@web/shared/lib/errors';
import { DateInput } from '@web/shared/ui/DateInput';
import { useUpdateMeeting } from '../hooks/useUpdateMeeting';
import { fieldInstant } from './MeetingPlannerPage';

interface MoveFields {
  date: string;
  start: string;
  end: string;
}

/**
 * "Flyt": a new fixed time in Copenhagen time; a clash names who is not free, at the time fields; a time that
 * has passed is refused here before the API refuses it too (400).
 */
export function MoveMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting();
  const { open, show, close, openerRef, panelRef } = useInlineForm<HTMLElement>();
  const form = useContractForm<MoveFields, typeof UpdateMeeting>({
    schema: UpdateMeeting,
    defaultValues: { date: '', start: '', end: '' },
    toRequest: (v) => ({ start: fieldInstant(v.date, v.start) ?? '', end: fieldInstant(v.date, v.end) ?? '' }),
  });
  const submit = form.submitWith(
    async (request) => {
      if (request.start !== undefined && hasPassed(request.start)) {
        form.setError('start', { type: 'server', message: t('pages.meeting.pastMove') });
        throw new PastTime();
      }
      // The page's own reading of who may do what stays (a PATCH answers the same caller's view).
      await update.mutateAsync({ meetingId: meeting.id, change: request });
      close();
    },
    {
      failed: t('meetings.move.failed'),
      onError: (error) => {
        if (error instanceof PastTime) return true;
        if (!isMeetingConflict(error)) return false;
        const names = new Map(meeting.participants.map((p) => [p.staffId ?? '', p.name]));
        const who = meetingConflictNames(error, names);
        form.setError('start', {
          type: 'server',
          message: t('meetings.planner.conflict', { names: who.join(', ') || error.problem.detail }),
        });
        return true;
      },
    },
  );
  if (meeting.status !== 'proposed' && meeting.status !== 'scheduled') return null;
  if (!open) {
    return (
      <button ref={openerRef} type="button" className="button" onClick={show}>
        {t('meetings.move.button')}
      </button>
    );
  }
  return (
    <section ref={panelRef} className="card" aria-labelledby="meeting-move-title" data-testid="move-meeting-form">
      <h2 id="meeting-move-title">{t('meetings.move.title')}</h2>
      <FormElement control={form.control} onSubmit={submit} onCancel={close} className="form">
        <FormStatus control={form.control} />
        <FormField form={form} name="date" label={t('meetings.planner.date')} hint={t('forms.dateHint')}>
          {(field) => <DateInput {...field} />}
        </FormField>
        <FormField form={form} name="start" label={t('meetings.planner.start')} hint={t('meetings.planner.timeHint')}>
          {(field) => <input type="text" inputMode="numeric" size={5} {...field} />}
        </FormField>
        <FormField form={form} name="end" label={t('meetings.planner.end')} hint={t('meetings.planner.timeHint')}>
          {(field) => <input type="text" inputMode="numeric" size={5} {...field} />}
        </FormField>
        <FormActions control={form.control} submit={t('meetings.move.submit')} testId="move-meeting" onCancel={close} />
      </FormElement>
    </section>
  );
}

const hasPassed = (instant: string) => Date.parse(instant) < Date.now();

/** A time that has passed: refused in the page, its message already at the time field. */
class PastTime extends Error {}
