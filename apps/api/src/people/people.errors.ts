import { ProblemError } from '../common/problem/problem';

/** A new password a guesser would try early: common, a common one with digits around it, or a pattern. */
export const passwordTooWeak = (why: 'common' | 'pattern') =>
  new ProblemError(
    400,
    'PASSWORD_TOO_COMMON',
    why === 'common'
      ? 'The password is among the most used passwords: choose another.'
      : 'The password is a pattern of few characters or digits only: choose another.',
    [{ path: 'password', message: why === 'common' ? 'too common' : 'too simple' }],
  );
