import { ProblemError } from '../common/problem/problem';

export const requestAlreadyDecided = () =>
  new ProblemError(409, 'REQUEST_ALREADY_DECIDED', 'The request already has a decision.');

/** An exemption period the law does not allow (at most 6 months at a time). */
export const exemptionRejected = (
  code: 'EXEMPTION_TOO_LONG' | 'EXEMPTION_INVALID_RANGE',
  latestEndDate: string | null,
) =>
  new ProblemError(400, code, `An exemption is decided for at most 6 months at a time (latest end ${latestEndDate}).`, [
    { path: 'endDate', message: `must be on or before ${latestEndDate}` },
  ]);
