import type { ReactNode } from 'react';

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
