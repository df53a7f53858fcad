import { forbidden, ProblemError } from '../common/problem/problem';

export const meetingNotProposed = () =>
  new ProblemError(409, 'MEETING_NOT_PROPOSED', 'The meeting already has its time (or was cancelled).');

export const notAProposedTime = () =>
  new ProblemError(400, 'NOT_A_PROPOSED_TIME', 'Choose one of the proposed times.', [
    { path: 'start', message: 'is not the start of one of the proposals' },
  ]);

export const meetingClosed = () =>
  new ProblemError(409, 'MEETING_CLOSED', 'The meeting is cancelled or long over: a link would open nothing.');

export const staffHaveLogins = () =>
  new ProblemError(400, 'BAD_REQUEST', 'Staff take part with their own login, not a guest link.');

export const onlyDoctor = () => forbidden('Only the doctor of the meeting can do this.');
export const onlyCitizen = () => forbidden('Only the citizen can do this.');
