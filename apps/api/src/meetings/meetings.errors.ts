import { type FieldError, ProblemError } from '../common/problem/problem';

/** Staff participants already taken at a time; one entry per (time, person), the path naming the time. */
export const meetingConflict = (clashes: FieldError[], names: string[]) =>
  new ProblemError(
    409,
    'MEETING_CONFLICT',
    `${names.join(', ')} already ${names.length === 1 ? 'has' : 'have'} a meeting or an open proposal at that time.`,
    clashes,
  );

export const meetingClosed = (status: string) =>
  new ProblemError(409, 'MEETING_CLOSED', `The meeting is ${status} and can no longer be changed.`);

export const meetingNotStarted = () =>
  new ProblemError(409, 'MEETING_NOT_STARTED', 'A meeting is marked held only once it has started.');

export const outcomeNotYours = () =>
  new ProblemError(403, 'FORBIDDEN', "Only the meeting's staff and the case's responsible caseworker mark it held.");

export const meetingNotProposed = () =>
  new ProblemError(409, 'MEETING_NOT_PROPOSED', 'The meeting already has its time (or was cancelled).');

export const notAProposedTime = () =>
  new ProblemError(400, 'NOT_A_PROPOSED_TIME', 'Choose one of the proposed times.', [
    { path: 'start', message: 'is not the start of one of the proposals' },
  ]);

export const notAParticipant = () =>
  new ProblemError(403, 'FORBIDDEN', 'Only staff taking part in the meeting answer its invitation.');
