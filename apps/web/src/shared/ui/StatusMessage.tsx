import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

/** A polite live region for progress such as "Henter møder…". */
export function LoadingStatus({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

/** An error the user must notice; optional action (e.g. "Prøv igen"). */
export function ErrorAlert({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div role="alert" className="alert alert--error">
      <p>{children}</p>
      {action}
    </div>
  );
}

/** A failed load with the user's way out: the reason in their language and "Prøv igen". */
export function LoadError({ error, fallback, onRetry }: { error: unknown; fallback: string; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error === null) return null;
  return (
    <ErrorAlert
      action={
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      }
    >
      {describeError(error, t, fallback)}
    </ErrorAlert>
  );
}
