import { ProblemError } from '../common/problem/problem';

export const caseExists = () => new ProblemError(409, 'CASE_EXISTS', 'The citizen already has an active case.');
