import { ProblemError, validationFailed } from '../common/problem/problem';

export const staffEmailExists = () =>
  new ProblemError(409, 'STAFF_EMAIL_EXISTS', 'A staff member with this e-mail already exists (active or not).');

export const lastAdmin = () =>
  new ProblemError(409, 'LAST_ADMIN', 'This is the last active administrator: make someone else one first.');

export const teamExists = () => new ProblemError(409, 'TEAM_EXISTS', 'A team of this name already exists.');

export const staffInactive = () =>
  new ProblemError(409, 'STAFF_INACTIVE', 'The staff member is deactivated: reactivate them first.');

export const unknownTeams = (ids: string[]) =>
  validationFailed(ids.map((id) => ({ path: 'teamIds', message: `no team ${id}` })));

export const municipalityRequired = () =>
  validationFailed([{ path: 'municipality', message: 'required for the first team' }]);

export const mailUnavailable = () =>
  new ProblemError(503, 'MAIL_UNAVAILABLE', 'The mail server did not take the link; nothing was issued. Try again.');

/** Separation of duties: roles are given by another administrator, never by oneself. */
export const ownRoles = () =>
  new ProblemError(403, 'FORBIDDEN', 'Nobody changes their own roles: ask another administrator.');
