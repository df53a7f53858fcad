import { ProblemError } from '../common/problem/problem';

export const citizenExists = () => new ProblemError(409, 'CITIZEN_EXISTS', 'A citizen with this CPR number exists.');
