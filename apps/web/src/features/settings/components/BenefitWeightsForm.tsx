import { SetBenefitWeights } from '@tvaers/contracts';
import type { BenefitWeight } from '@tvaers/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { useSetBenefitWeights } from '../hooks/useBenefitWeights';

interface WeightFields {
  weights: { benefit: BenefitWeight['benefit']; weight: string }[];
}

/** A weight as typed: a decimal comma or point; empty is missing (the contract says what is wrong). */
const parseWeight = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text.trim().replace(',', '.'));

/** Every benefit's default weight for new cases, saved together (the server logs what changed). */
export function BenefitWeightsForm({ weights }: { weights: BenefitWeight[] }) {
  const { t } = useTranslation();
  const formatters = useFormatters();
  const hintId = useId();
  const save = useSetBenefitWeights();
  const toFields = (list: { benefit: BenefitWeight['benefit']; weight: number }[]): WeightFields => ({
    weights: list.map((w) => ({ benefit: w.benefit, weight: formatters.number(w.weight) })),
  });
  const form = useContractForm<WeightFields, typeof SetBenefitWeights>({
    schema: SetBenefitWeights,
    defaultValues: toFields(weights),
    toRequest: (values) => ({
      weights: values.weights.map((w) => ({ benefit: w.benefit, weight: parseWeight(w.weight) })),
    }),
  });
  const submit = form.submitWith(
    async (request) => {
      await save.mutateAsync(request);
    },
    { failed: t('settings.benefitWeights.failed'), resetTo: (saved) => toFields(saved.weights) },
  );
  return (
    <FormElement control={form.control} onSubmit={submit} className="form">
      <FormStatus control={form.control} saved={t('settings.benefitWeights.saved')} />
      <p id={hintId} className="hint">
        {t('settings.benefitWeights.hint')}
      </p>
      <div className="benefit-weights">
        {weights.map((w, index) => (
          <FormField
            key={w.benefit}
            form={form}
            name={`weights.${index}.weight`}
            label={t(`benefits.${w.benefit}`)}
            describedBy={hintId}
            className="field field--weight"
          >
            {(field) => <input type="text" inputMode="decimal" autoComplete="off" {...field} />}
          </FormField>
        ))}
      </div>
      <FormActions control={form.control} submit={t('settings.benefitWeights.save')} testId="benefit-weights-save" />
    </FormElement>
  );
}
