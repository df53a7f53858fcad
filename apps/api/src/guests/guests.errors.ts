import { forbidden, ProblemError } from '../common/problem/problem';

export const linkForClosedMeeting = () =>
  new ProblemError(409, 'MEETING_CLOSED', 'The meeting is cancelled or long over: a link would open nothing.');

export const staffHaveLogins = () =>
  new ProblemError(400, 'BAD_REQUEST', 'Staff take part with their own login, not a guest link.');

export const onlyDoctor = () => forbidden('Only the doctor of the meeting can do this.');
export const onlyCitizen = () => forbidden('Only the citizen can do this.');
