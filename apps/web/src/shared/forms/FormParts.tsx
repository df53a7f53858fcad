import { useEffect, useRef } from 'react';
import type { BaseSyntheticEvent, MouseEvent, ReactNode, Ref } from 'react';
import { useFormState } from 'react-hook-form';
import type { Control, FieldErrors, FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldError } from './useContractForm';

interface FieldProblem {
  key: string;
  /** The field's id, when the error belongs to one field (not e.g. "fill in at least one"). */
  id?: string;
  label: string;
  message: string;
  element?: Element;
}

/** The element an error belongs to; a radio group's is its first button (RHF keeps only its name). */
function elementOf(ref: unknown): HTMLElement | undefined {
  if (ref instanceof HTMLElement) return ref;
  const name = (ref as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? (document.getElementsByName(name)[0] ?? undefined) : undefined;
}

/** Every field error in the page's order, with its field's label. */
function fieldProblems(errors: FieldErrors): FieldProblem[] {
  const found: FieldProblem[] = [];
  const visit = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const error = node as { message?: unknown; ref?: unknown; type?: unknown };
    if (typeof error.type === 'string') {
      if (typeof error.message !== 'string' || error.message === '') return;
      const element = elementOf(error.ref);
      found.push(
        element?.id
          ? { key: path, id: element.id, label: labelOf(element), message: error.message, element }
          : { key: path, label: '', message: error.message },
      );
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'root' && key !== 'ref') visit(child, `${path}.${key}`);
    }
  };
  visit(errors, '');
  const position = (a: FieldProblem, b: FieldProblem) => {
    if (!a.element || !b.element) return a.element ? -1 : b.element ? 1 : 0;
    return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  };
  return found.sort(position);
}

/** A field's label; a radio button's is its group's question (the legend). */
function labelOf(element: HTMLElement): string {
  const input = element as HTMLInputElement;
  if (input.type === 'radio' || input.type === 'checkbox') {
    const legend = element.closest('fieldset')?.querySelector('legend')?.textContent;
    if (legend) return legend.trim();
  }
  const label = input.labels?.[0];
  // The label without its "(valgfri)" marker.
  const text = label ? Array.from(label.childNodes).find((n) => n.nodeType === Node.TEXT_NODE)?.textContent : null;
  return (text ?? label?.textContent ?? '').trim();
}

/**
 * Pending, error and saved for any contract form, shown the same way everywhere. A failed submit
 * shows one error summary (the failure, and a link to every invalid field) and moves focus to it;
 * a save says so in a status line, which takes focus when it has a text (`saved`), so keyboard and
 * screen reader users learn the result where they are.
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
  const summary = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const failure = errors.root?.server?.message;
  const problems = fieldProblems(errors);
  const showSummary = failure !== undefined || problems.length > 0;
  const savedText = isSubmitting ? t('common.saving') : isSubmitSuccessful && saved ? saved : '';

  // When a submit has ended (not on every keystroke that changes the errors).
  const wasSubmitting = useRef(false);
  useEffect(() => {
    if (isSubmitting) {
      wasSubmitting.current = true;
      return;
    }
    if (!wasSubmitting.current) return;
    wasSubmitting.current = false;
    if (showSummary) summary.current?.focus();
    else if (isSubmitSuccessful && saved) status.current?.focus();
  }, [isSubmitting, showSummary, isSubmitSuccessful, saved]);

  function goTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
    // The link's target is the field itself, focused without changing the URL.
    event.preventDefault();
    document.getElementById(id)?.focus();
  }

  return (
    <>
      {showSummary && (
        <div
          ref={summary}
          role="alert"
          tabIndex={-1}
          className="alert alert--error error-summary"
          data-testid="error-summary"
        >
          <div>
            <p className="error-summary__title">
              <strong>{problems.length > 0 ? t('forms.summaryTitle') : failure}</strong>
            </p>
            {problems.length > 0 && failure !== undefined && <p>{failure}</p>}
            {problems.length > 0 && (
              <ul className="error-summary__list">
                {problems.map(({ key, id, label, message }) => (
                  <li key={key}>
                    {id ? (
                      <a href={`#${id}`} onClick={(event) => goTo(event, id)}>
                        {label ? `${label}: ${message}` : message}
                      </a>
                    ) : (
                      message
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      <p ref={status} role="status" className="status-text" tabIndex={-1}>
        {savedText}
      </p>
    </>
  );
}

/**
 * The <form> of a contract form, the same everywhere: it submits through `submitWith` (no browser
 * validation: the contract's errors are shown), is busy while saving, and with `onCancel` (an inline
 * editor) Esc cancels it as its "Annullér" does, so every editor is left the same way, unsaved.
 */
export function FormElement<TForm extends FieldValues>({
  control,
  onSubmit,
  onCancel,
  className,
  ref,
  children,
}: {
  control: Control<TForm, unknown, unknown>;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  onCancel?: () => void;
  className?: string;
  ref?: Ref<HTMLFormElement>;
  children: ReactNode;
}) {
  const { isSubmitting } = useFormState({ control });
  return (
    <form
      ref={ref}
      className={className}
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={(event) => {
        if (!onCancel || event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
      aria-busy={isSubmitting}
      noValidate
    >
      {children}
    </form>
  );
}

/** The submit button: disabled while saving, saying so. */
export function SubmitButton<TForm extends FieldValues>({
  control,
  children,
  pendingLabel,
  testId,
  className = 'button button--primary',
  describedBy,
}: {
  control: Control<TForm, unknown, unknown>;
  children: ReactNode;
  pendingLabel?: string;
  testId?: string;
  className?: string;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const { isSubmitting } = useFormState({ control });
  return (
    <button
      type="submit"
      className={className}
      disabled={isSubmitting}
      data-testid={testId}
      aria-describedby={describedBy}
    >
      {isSubmitting ? (pendingLabel ?? t('common.saving')) : children}
    </button>
  );
}

/**
 * A form's buttons, the same in every form: submit (see SubmitButton) and, for a form that can be
 * left, "Annullér" (not while saving). `small` for forms inside a list item or a plan part.
 */
export function FormActions<TForm extends FieldValues>({
  control,
  submit,
  pendingLabel,
  testId,
  submitClassName,
  small = false,
  describedBy,
  onCancel,
  className = 'button-row',
}: {
  control: Control<TForm, unknown, unknown>;
  submit: ReactNode;
  pendingLabel?: string;
  testId?: string;
  /** The submit button's look when it is not the primary one (e.g. a danger button). */
  submitClassName?: string;
  small?: boolean;
  /** Ids that say what the buttons act on (e.g. the item's title). */
  describedBy?: string;
  onCancel?: () => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const { isSubmitting } = useFormState({ control });
  const size = small ? ' button--small' : '';
  return (
    <div className={className}>
      <SubmitButton
        control={control}
        pendingLabel={pendingLabel}
        testId={testId}
        className={`${submitClassName ?? 'button button--primary'}${size}`}
        describedBy={describedBy}
      >
        {submit}
      </SubmitButton>
      {onCancel && (
        <button type="button" className={`button${size}`} onClick={onCancel} disabled={isSubmitting}>
          {t('common.cancel')}
        </button>
      )}
    </div>
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
