import { ProblemError } from '../common/problem/problem';

/** One answer for an unknown e-mail and a wrong password. */
export const invalidCredentials = () => new ProblemError(401, 'INVALID_CREDENTIALS', 'E-mail or password is wrong.');

/** One answer for an unknown, used or expired set-password link. */
export const passwordLinkInvalid = () =>
  new ProblemError(400, 'PASSWORD_LINK_INVALID', 'The link is unknown, used or expired: ask for a new one.');

/** LOCAL_PASSWORDS=off: staff sign in through the municipality's identity provider only. */
export const localPasswordsOff = () =>
  new ProblemError(
    403,
    'LOCAL_PASSWORDS_OFF',
    "Passwords are switched off here: log in with the municipality's login (GET /api/auth/oidc/login).",
  );
