import { ProblemError } from '../common/problem/problem';

export const linkForClosedMeeting = () =>
  new ProblemError(409, 'MEETING_CLOSED', 'The meeting is cancelled or long over: a link would open nothing.');

export const staffHaveLogins = () =>
  new ProblemError(400, 'BAD_REQUEST', 'Staff take part with their own login, not a guest link.');

// "Only the doctor/citizen can do this" (403): the guest rules in access/permission.ts refuse other guest kinds.

export const guestCodeRequired = () =>
  new ProblemError(403, 'GUEST_CODE_REQUIRED', 'Enter the code sent to your e-mail to see this.');
export const guestCodeInvalid = (triesLeft: number) =>
  new ProblemError(400, 'GUEST_CODE_INVALID', `The code is not right (${triesLeft} tries left).`);
export const guestCodeExpired = () =>
  new ProblemError(400, 'GUEST_CODE_EXPIRED', 'The code has expired or was tried too often: ask for a new one.');
export const guestEmailMissing = () =>
  new ProblemError(409, 'GUEST_EMAIL_MISSING', 'No e-mail address is on file for you: ask the caseworker.');
