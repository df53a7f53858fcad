import { useEffect, useRef, useState } from 'react';
import { isPlanConflict } from '@web/shared/lib/errors';

/**
 * A plan part edited in place: focus moves into the form on open and back to "Redigér" on close;
 * a 412 keeps the form open with the user's input (the plan shown is already the newest).
 * Saving, errors and validation are the form's (useContractForm).
 */
export function useInPlaceEdit() {
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  function open() {
    setConflict(false);
    setEditing(true);
  }

  function close() {
    returnFocus.current = true;
    setConflict(false);
    setEditing(false);
  }

  /** For submitWith's onError: a conflict is shown as such, with the user's text kept. */
  function onError(error: unknown): boolean {
    const isConflict = isPlanConflict(error);
    setConflict(isConflict);
    return isConflict;
  }

  return { editing, conflict, editButton, formRef, open, close, onError };
}
