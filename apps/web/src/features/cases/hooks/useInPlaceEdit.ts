import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, isPlanConflict } from '../../../shared/lib/errors';

/**
 * The state of a plan part edited in place: focus moves into the form on open and back to "Redigér" on close;
 * a 412 keeps the form open with the user's input (the plan shown is already the newest).
 */
export function useInPlaceEdit<F extends HTMLElement>() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<F>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) firstField.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  function open() {
    setConflict(false);
    setError(null);
    setEditing(true);
  }

  function close() {
    returnFocus.current = true;
    setConflict(false);
    setError(null);
    setEditing(false);
  }

  async function save(action: () => Promise<void>) {
    setSaving(true);
    setError(null);
    try {
      await action();
      close();
    } catch (failure) {
      if (isPlanConflict(failure)) setConflict(true);
      else setError(describeError(failure, t, t('plan.saveFailed')));
    } finally {
      setSaving(false);
    }
  }

  return { editing, saving, conflict, error, setError, editButton, firstField, open, close, save };
}
