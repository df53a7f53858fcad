import { ProblemError } from '../common/problem/problem';

/** One answer for an unknown e-mail and a wrong password. */
export const invalidCredentials = () => new ProblemError(401, 'INVALID_CREDENTIALS', 'E-mail or password is wrong.');
