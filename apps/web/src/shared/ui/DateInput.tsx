import type { ComponentPropsWithRef } from 'react';

/**
 * A date typed the Danish way, dd-mm-åååå, in a plain text field: the browser's date picker hides a
 * partly typed date as "no date", which was saved as "Ikke fastlagt". The form turns the text into
 * the contract's date with `dateFieldToIso`, and an incomplete date is a field error. Give its field
 * the format as hint (`forms.dateHint`).
 */
export function DateInput(input: ComponentPropsWithRef<'input'>) {
  return <input type="text" inputMode="numeric" autoComplete="off" size={10} {...input} />;
}
