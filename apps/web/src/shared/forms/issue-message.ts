import type { TFunction } from 'i18next';
import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

/**
 * The contract's rules in the user's words: zod checks the limits (lengths, ranges, formats) the
 * contract declares, and only their wording lives in the web.
 */
export function issueMessage(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        const min = Number(issue.minimum);
        return min <= 1 ? t('forms.required') : t('forms.tooShort', { count: min });
      }
      if (issue.origin === 'number') return t('forms.atLeast', { min: Number(issue.minimum) });
      return t('forms.required');
    case 'too_big':
      if (issue.origin === 'string') return t('forms.tooLong', { count: Number(issue.maximum) });
      if (issue.origin === 'number') return t('forms.atMost', { max: Number(issue.maximum) });
      return t('forms.invalid');
    case 'invalid_type':
      if (issue.expected === 'int') return t('forms.wholeNumber');
      // A number field's text that is no number arrives as NaN.
      if (typeof issue.input === 'number') return t('forms.number');
      return t('forms.required');
    case 'invalid_value':
      return t('forms.choose');
    case 'invalid_format':
      return issue.format === 'date' ? t('forms.date') : t('forms.invalidFormat');
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return t('forms.invalid');
  }
}
