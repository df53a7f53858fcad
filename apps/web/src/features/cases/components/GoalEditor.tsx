import { UpdatePlan } from '@tvaers/contracts';
import { FormField } from '@web/shared/forms/FormField';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { PlanPartEditor } from './PlanPartEditor';
import type { PlanPartProps } from './PlanPartEditor';

type GoalField = 'citizenGoal' | 'jobGoal';

export interface GoalEditorProps extends PlanPartProps {
  /** Used for element ids and as the display's data-testid (e.g. `citizen-goal`). */
  id: string;
  /** The plan field edited; its limits are the contract's (UpdatePlan). */
  field: GoalField;
  title: string;
  hint: string;
  fieldLabel: string;
  emptyText: string;
  value: string;
}

/** A plan text edited in place: "Redigér" opens a labelled textarea with "Gem" and "Annullér". */
export function GoalEditor({ id, field, title, hint, fieldLabel, emptyText, value, ...part }: GoalEditorProps) {
  const form = useContractForm<Partial<Record<GoalField, string>>, typeof UpdatePlan>({
    schema: UpdatePlan,
    defaultValues: { [field]: value },
  });

  return (
    <PlanPartEditor
      id={id}
      title={title}
      // Not a named region: its heading equals the textarea's label, which must stay unambiguous.
      named={false}
      form={form}
      values={{ [field]: value }}
      describe={(fields) => fields[field] ?? ''}
      display={
        <>
          <p className="muted plan-part__hint">{hint}</p>
          <p className={value ? 'prewrap goal-text' : 'muted goal-text'} data-testid={id}>
            {value || emptyText}
          </p>
        </>
      }
      {...part}
    >
      <FormField form={form} name={field} label={fieldLabel} hint={hint}>
        {(props) => <textarea rows={4} {...props} />}
      </FormField>
    </PlanPartEditor>
  );
}
