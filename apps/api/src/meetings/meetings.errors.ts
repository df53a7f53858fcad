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
