import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { ErrorAlert } from './StatusMessage';

/**
 * A change asked once more before it is done: a button naming it (and, for screen readers, whom it concerns); then
 * the question, with doing it or keeping things as they are.
 */
export function ConfirmStep({
  label,
  name,
  question,
  children,
  confirmClassName,
  keep,
  pending,
  onConfirm,
  failure,
  className,
}: {
  /** What the change is called, on both buttons. */
  label: string;
  /** Whom or what it concerns. */
  name: string;
  question: ReactNode;
  /** More to know before answering. */
  children?: ReactNode;
  /** The confirming button's look (e.g. `button--danger`). */
  confirmClassName: string;
  keep: string;
  pending: boolean;
  /** Makes the change; `close` goes back to the first button. */
  onConfirm: (close: () => void) => void;
  /** Why the change failed, if it did. */
  failure: ReactNode;
  className: string;
}) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button--small" onClick={() => setAsking(true)}>
        {label}
        <span className="visually-hidden"> {name}</span>
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={`${id}-q`} className={className}>
      <p id={`${id}-q`}>{question}</p>
      {children}
      <p className="button-row">
        <button
          type="button"
          className={`button button--small ${confirmClassName}`}
          disabled={pending}
          onClick={() => onConfirm(() => setAsking(false))}
        >
          {label}
        </button>
        <button type="button" className="button button--small" onClick={() => setAsking(false)}>
          {keep}
        </button>
      </p>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
    </div>
  );
}
