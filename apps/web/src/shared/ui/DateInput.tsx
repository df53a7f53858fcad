import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A date typed the Danish way, dd-mm-åååå, in a plain text field: the browser's date picker hides a
 * partly typed date as "no date", which was saved as "Ikke fastlagt". The form turns the text into
 * the contract's date with `dateFieldToIso`, and an incomplete date is a field error.
 * `hintId` is the id of the format hint rendered here; add it to the field's aria-describedby.
 */
export function DateInput({ hintId, ...input }: ComponentPropsWithRef<'input'> & { hintId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p id={hintId} className="hint">
        {t('forms.dateHint')}
      </p>
      <input type="text" inputMode="numeric" autoComplete="off" size={10} {...input} />
    </>
  );
}
