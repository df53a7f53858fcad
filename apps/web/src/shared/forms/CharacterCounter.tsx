import { useWatch } from 'react-hook-form';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * "Du har 3.800 tegn tilbage" under a text with a limit (the contract's, see `maxLengthOf`), so text is
 * never cut or refused by surprise. Screen readers hear it only when the text is too long; the field
 * refers to `id` for the count itself.
 */
export function CharacterCounter<TForm extends FieldValues>({
  control,
  name,
  max,
  id,
}: {
  control: Control<TForm, unknown, unknown>;
  name: Path<TForm>;
  max: number | undefined;
  id: string;
}) {
  const { t, i18n } = useTranslation();
  const value: unknown = useWatch({ control, name });
  if (max === undefined) return null;
  const left = max - (typeof value === 'string' ? value.length : 0);
  const count = new Intl.NumberFormat(i18n.language).format(Math.abs(left));
  const text =
    left >= 0
      ? t('forms.charsLeft', { count: Math.abs(left), formatted: count })
      : t('forms.charsOver', { count: -left, formatted: count });
  return (
    <>
      <p id={id} className={left < 0 ? 'hint character-count character-count--over' : 'hint character-count'}>
        {text}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {left < 0 ? text : ''}
      </p>
    </>
  );
}
