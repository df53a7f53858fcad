import type { ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/StatusMessage';
import { fieldError } from './useContractForm';

/**
 * Pending, error and saved for any contract form, shown the same way everywhere: the failure in an
 * alert, and "Gemmer…" then the saved text in a polite status line.
 */
export function FormStatus<TForm extends FieldValues>({
  control,
  saved,
}: {
  control: Control<TForm, unknown, unknown>;
  /** Said after a successful save; nothing when the form shows the result itself. */
  saved?: string;
}) {
  const { t } = useTranslation();
  const { errors, isSubmitting, isSubmitSuccessful } = useFormState({ control });
  const failure = errors.root?.server?.message;
  return (
    <>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <p role="status" className="status-text">
        {isSubmitting ? t('common.saving') : isSubmitSuccessful && saved ? saved : ''}
      </p>
    </>
  );
}

/** The submit button: disabled while saving, saying so. */
export function SubmitButton<TForm extends FieldValues>({
  control,
  children,
  pendingLabel,
  testId,
  className = 'button button--primary',
}: {
  control: Control<TForm, unknown, unknown>;
  children: ReactNode;
  pendingLabel?: string;
  testId?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const { isSubmitting } = useFormState({ control });
  return (
    <button type="submit" className={className} disabled={isSubmitting} data-testid={testId}>
      {isSubmitting ? (pendingLabel ?? t('common.saving')) : children}
    </button>
  );
}

/** A field's error under it, referenced by the field's aria-describedby (see `fieldAria`). */
export function FieldError<TForm extends FieldValues>({
  control,
  name,
  id,
}: {
  control: Control<TForm, unknown, unknown>;
  name: Path<TForm>;
  id: string;
}) {
  const { errors } = useFormState({ control, name });
  const message = fieldError(errors, name);
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

/** aria-invalid and aria-describedby (hint and error) for a field. */
export function fieldAria(invalid: boolean, errorId: string, hintId?: string) {
  const describedBy = [hintId, invalid ? errorId : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy || undefined };
}
