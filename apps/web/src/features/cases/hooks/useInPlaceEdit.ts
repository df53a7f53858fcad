import { useEffect, useRef, useState } from 'react';
import { isPlanConflict } from '@web/shared/lib/errors';

/**
 * A plan part edited in place: focus moves into the form on open and back to "Redigér" on close
 * (Esc closes it too: FormElement's onCancel). The editor saves on the plan version it was opened
 * on, not on a version a live update shows later, so another person's save in between is a 412 and
 * never silently overwritten. After a 412 the user has seen the newest text, so the next save is on
 * the version shown.
 * Saving, errors and validation are the form's (useContractForm).
 */
export function useInPlaceEdit() {
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const startedFrom = useRef<number | null>(null);
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

  /** Opens the editor on the plan version shown now. */
  function open(version: number) {
    startedFrom.current = version;
    setConflict(false);
    setEditing(true);
  }

  function close() {
    returnFocus.current = true;
    startedFrom.current = null;
    setConflict(false);
    setEditing(false);
  }

  /** The version to save on: the one the editor started from, or after a 412 the newest shown. */
  function versionFor(shownVersion: number): number {
    return conflict || startedFrom.current === null ? shownVersion : startedFrom.current;
  }

  /** For submitWith's onError: a conflict is shown as such, with the user's text kept. */
  function onError(error: unknown): boolean {
    const isConflict = isPlanConflict(error);
    setConflict(isConflict);
    return isConflict;
  }

  return { editing, conflict, editButton, formRef, open, close, onError, versionFor };
}
