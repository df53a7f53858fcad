import { CreateCitizenRequest, requestKinds } from '@tvaers/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useCreateRequest } from '../hooks/useCitizenRequests';

interface RequestFields {
  kind: (typeof requestKinds)[number];
  description: string;
}

/** Records a request from the citizen; the decision deadline is set by the API. */
export function NewRequestForm({ caseId }: { caseId: string }) {
  const createRequest = useCreateRequest(caseId);
  const { t } = useTranslation();
  const id = useId();
  const form = useContractForm<RequestFields, typeof CreateCitizenRequest>({
    schema: CreateCitizenRequest,
    defaultValues: { kind: 'effort', description: '' },
  });

  const submit = form.submitWith(
    async (input) => {
      await createRequest.mutateAsync(input);
    },
    { failed: t('requests.form.failed'), resetTo: ({ kind }) => ({ kind, description: '' }) },
  );

  return (
    <section className="new-request" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('requests.form.title')}</h3>
      <FormElement control={form.control} onSubmit={submit} className="form form--tight">
        <FormStatus control={form.control} saved={t('requests.form.saved')} />
        <FormField form={form} name="kind" label={t('requests.form.kind')}>
          {(field) => (
            <select {...field}>
              {requestKinds.map((value) => (
                <option key={value} value={value}>
                  {t(`requests.form.kinds.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} name="description" label={t('requests.form.description')}>
          {(field) => <textarea rows={3} {...field} />}
        </FormField>
        <FormActions control={form.control} submit={t('requests.form.submit')} />
      </FormElement>
    </section>
  );
}
