import { zodResolver } from '@hookform/resolvers/zod';
import type { BaseSyntheticEvent } from 'react';
import { useForm } from 'react-hook-form';
import type { DefaultValues, FieldErrors, FieldValues, Path, Resolver, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { describeError, fieldProblems } from '../lib/errors';
import { issueMessage } from './issue-message';
import { maxLengthOf } from './schema-limits';

export interface ContractFormOptions<TForm extends FieldValues, S extends z.ZodType> {
  /** The request's schema from libs/contracts: the only place its rules are written. */
  schema: S;
  defaultValues: DefaultValues<TForm>;
  /**
   * What the fields hold (text) as the request the schema checks, e.g. a number field's text as a
   * number and an empty optional field left out. Field names are the request's paths, so an error
   * (ours or the server's `errors[].path`) lands at its field.
   */
  toRequest?: (values: TForm) => unknown;
  /** Wording for the contract's own refinements (zod `custom` issues), by path, e.g. `{ scores: '…' }`. */
  refinementMessages?: Record<string, string>;
  /**
   * A form's own wording for a top-level field's error, by the zod issue code (e.g. `too_small`), where the
   * generic words do not say what to do (one ticked time of 2–5: "Vælg mindst 2 tider – …"); undefined keeps it.
   */
  fieldMessages?: Record<string, (code: string) => string | undefined>;
}

export interface SubmitOptions {
  /** Shown when the call fails for a reason without a more precise wording. */
  failed: string;
  /** Sees the failure first; return true when it is handled (e.g. a 412 shown as a conflict). */
  onError?: (error: unknown) => boolean | void;
  /** The form's own wording for a failure (e.g. login), instead of the shared one. */
  describe?: (error: unknown) => string;
}

export interface SubmitWithOptions<TForm extends FieldValues, TRequest> extends SubmitOptions {
  /** After a save, the form starts again from these values (e.g. empty), still saying "saved". */
  resetTo?: (saved: TRequest) => TForm;
}

export type ContractForm<TForm extends FieldValues, TRequest> = UseFormReturn<TForm, unknown, TRequest> & {
  /** The form's onSubmit: validates against the contract, runs `action`, and shows what went wrong. */
  submitWith: (
    action: (request: TRequest) => Promise<void>,
    options: SubmitWithOptions<TForm, TRequest>,
  ) => (event?: BaseSyntheticEvent) => Promise<void>;
  /** The longest text the contract allows for a field (see `maxLengthOf`), for its character counter. */
  maxLength: (name: Path<TForm>) => number | undefined;
};

function localiseRefinements(errors: object, messages: Record<string, string>, fallback: string, prefix = ''): void {
  for (const [key, value] of Object.entries(errors) as [string, unknown][]) {
    if (!value || typeof value !== 'object' || key === 'ref') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const field = value as { type?: unknown; message?: unknown };
    if (typeof field.type === 'string') {
      if (field.type === 'custom') field.message = messages[path] ?? fallback;
    } else {
      localiseRefinements(value, messages, fallback, path);
    }
  }
}

/**
 * One way to build a form: react-hook-form validated by the contract's zod schema (messages in the
 * user's language), the server's field errors shown at their fields, and pending / error / saved in
 * formState for FormStatus and SubmitButton.
 */
export function useContractForm<TForm extends FieldValues, S extends z.ZodType>({
  schema,
  defaultValues,
  toRequest,
  refinementMessages = {},
  fieldMessages = {},
}: ContractFormOptions<TForm, S>): ContractForm<TForm, z.output<S>> {
  const { t } = useTranslation();
  const contractResolver = zodResolver(schema as never, { error: (issue) => issueMessage(issue as never, t) });
  const resolver: Resolver<TForm, unknown, z.output<S>> = async (values, context, options) => {
    const result = await contractResolver((toRequest ? toRequest(values) : values) as never, context, options as never);
    localiseRefinements(result.errors, refinementMessages, t('forms.invalid'));
    for (const [path, wording] of Object.entries(fieldMessages)) {
      const error = (result.errors as Record<string, { type?: unknown; message?: string } | undefined>)[path];
      const message = error && typeof error.type === 'string' ? wording(error.type) : undefined;
      if (error && message) error.message = message;
    }
    return result;
  };
  // Focus goes to the error summary (FormStatus), not the first field.
  const form = useForm<TForm, unknown, z.output<S>>({ resolver, defaultValues, shouldFocusError: false });

  function showFailure(error: unknown, { failed, describe }: SubmitOptions) {
    const fieldErrors = fieldProblems(error);
    for (const { path } of fieldErrors) {
      form.setError(path as Path<TForm>, { type: 'server', message: t('forms.serverInvalid') });
    }
    form.setError('root.server', {
      type: 'server',
      message: describe ? describe(error) : describeError(error, t, failed),
    });
  }

  const submitWith: ContractForm<TForm, z.output<S>>['submitWith'] = (action, options) => async (event) => {
    let resetValues: TForm | undefined;
    await form.handleSubmit(async (request) => {
      try {
        await action(request);
        resetValues = options.resetTo?.(request);
      } catch (error) {
        if (options.onError?.(error) === true) {
          form.setError('root.handled', { type: 'handled' });
          return;
        }
        showFailure(error, options);
      }
    })(event);
    // After handleSubmit: a reset during it would cancel its "submitted successfully".
    if (resetValues) form.reset(resetValues, { keepIsSubmitSuccessful: true });
  };

  const maxLength = (name: Path<TForm>) => maxLengthOf(schema, name);

  return Object.assign(form, { submitWith, maxLength });
}

/** The message for one field, if it has an error (nested paths such as `scores.health_mastery` too). */
export function fieldError<TForm extends FieldValues>(
  errors: FieldErrors<TForm>,
  name: Path<TForm>,
): string | undefined {
  let node: unknown = errors;
  for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}
