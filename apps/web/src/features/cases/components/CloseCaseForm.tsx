import { type Case, CloseCase, closeOutcomes, type CloseOutcome } from '@tvaers/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, RadioField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useUpdateCase } from '../hooks/useCase';

interface CloseFields {
  closeOutcome: CloseOutcome | '';
  closeReason: string;
}

/** Closing a case: what it led to (job, education, flexjob, other: the outcome figures count it) and why, in words. */
export function CloseCaseForm({ caseRecord }: { caseRecord: Case }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useUpdateCase(caseRecord.id);
  const form = useContractForm<CloseFields, typeof CloseCase>({
    schema: CloseCase,
    defaultValues: { closeOutcome: '', closeReason: '' },
    toRequest: ({ closeOutcome, closeReason }) => ({
      status: 'closed',
      closeOutcome: closeOutcome || undefined,
      closeReason: closeReason.trim() === '' ? undefined : closeReason,
    }),
    refinementMessages: {
      closeOutcome: t('closeCase.outcomeRequired'),
      closeReason: t('closeCase.reasonRequired'),
    },
  });
  const submit = form.submitWith(
    async (request) => {
      await close.mutateAsync(request);
      setOpen(false);
    },
    { failed: t('closeCase.failed') },
  );

  if (caseRecord.status !== 'active') return null;
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="close-case">
        {t('closeCase.open')}
      </button>
    );
  }
  return (
    <section className="card" aria-labelledby="close-case-title">
      <h2 id="close-case-title">{t('closeCase.title')}</h2>
      <FormElement control={form.control} onSubmit={submit} onCancel={() => setOpen(false)} className="form">
        <FormStatus control={form.control} />
        <RadioField
          form={form}
          name="closeOutcome"
          legend={t('closeCase.outcomeLegend')}
          choices={closeOutcomes.map((value) => ({ value, label: t(`outcomes.closeOutcomes.${value}`) }))}
        />
        <FormField form={form} name="closeReason" label={t('closeCase.reasonLabel')} hint={t('closeCase.reasonHint')}>
          {(field) => <textarea rows={3} {...field} />}
        </FormField>
        <FormActions
          control={form.control}
          submit={t('closeCase.submit')}
          onCancel={() => setOpen(false)}
          testId="close-case-submit"
        />
      </FormElement>
    </section>
  );
}
