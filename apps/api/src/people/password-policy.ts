import { dictionary } from '@zxcvbn-ts/language-common';

/** The ~50,000 most used passwords of the zxcvbn-ts project (from leaked password lists), lower-case. */
let common: Set<string> | undefined;
const commonPasswords = (): Set<string> =>
  (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/** Fewer different characters than this is a pattern, however long ("aaaaaaaaaaaa", "abababababab"). */
const MIN_DISTINCT_CHARACTERS = 5;

/**
 * Why a new password is too easy to guess, or null. Length is the contract's rule; this adds what a guesser
 * tries first: a common password, a common one with digits or signs around it ("Password2024!"), a pattern
 * of few characters, or digits only.
 */
export function weakPassword(password: string): 'common' | 'pattern' | null {
  const lower = password.toLowerCase();
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS || /^\d+$/.test(lower)) return 'pattern';
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (commonPasswords().has(lower) || (core.length >= 4 && commonPasswords().has(core))) return 'common';
  return null;
}
