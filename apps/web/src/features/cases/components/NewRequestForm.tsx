import { CreateCitizenRequest, requestKinds } from '@tvaers/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CharacterCounter } from '@web/shared/forms/CharacterCounter';
import { FieldError, fieldAria, FormStatus, SubmitButton } from '@web/shared/forms/FormParts';
import { maxLengthOf } from '@web/shared/forms/schema-limits';
import { fieldError, useContractForm } from '@web/shared/forms/useContractForm';
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
  const { errors, isSubmitting } = form.formState;

  const submit = form.submitWith(
    async (input) => {
      await createRequest.mutateAsync(input);
    },
    { failed: t('requests.form.failed'), resetTo: ({ kind }) => ({ kind, description: '' }) },
  );

  return (
    <section className="new-request" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('requests.form.title')}</h3>
      <form className="form form--tight" onSubmit={(event) => void submit(event)} aria-busy={isSubmitting} noValidate>
        <FormStatus control={form.control} saved={t('requests.form.saved')} />
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('requests.form.kind')}</label>
          <select id={`${id}-kind`} {...form.register('kind')}>
            {requestKinds.map((value) => (
              <option key={value} value={value}>
                {t(`requests.form.kinds.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>{t('requests.form.description')}</label>
          <textarea
            id={`${id}-description`}
            rows={3}
            {...fieldAria(
              fieldError(errors, 'description') !== undefined,
              `${id}-description-error`,
              `${id}-description-count`,
            )}
            {...form.register('description')}
          />
          <CharacterCounter
            control={form.control}
            name="description"
            max={maxLengthOf(CreateCitizenRequest, 'description')}
            id={`${id}-description-count`}
          />
          <FieldError control={form.control} name="description" id={`${id}-description-error`} />
        </div>
        <div className="button-row">
          <SubmitButton control={form.control}>{t('requests.form.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
