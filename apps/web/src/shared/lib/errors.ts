import type { CeilingSuggestion, ProblemCode, ProblemFieldError } from '@tvaers/contracts';
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '@web/api/http-client';
import { da } from '../i18n/locales/da';
import type { Translation } from '../i18n/locales/da';

/** What a failed call means to the web: each kind has one wording and one way out. */
export type ErrorKind =
  | 'network'
  | 'validation'
  | 'unauthenticated'
  | 'invalidCredentials'
  | 'forbidden'
  | 'healthConsentRequired'
  | 'notFound'
  | 'conflict'
  | 'planVersionConflict'
  | 'tooManyRequests'
  | 'guestCodeRequired'
  | 'guestCodeInvalid'
  | 'guestCodeExpired'
  | 'guestEmailMissing'
  | 'staffEmailExists'
  | 'lastAdmin'
  | 'passwordLinkInvalid'
  | 'unavailable'
  | 'passwordTooCommon'
  | 'other';

/**
 * The one place that reads a problem's `code` (the helpers below ask it): every code is handled (the switch is
 * exhaustive), so components never compare codes themselves.
 */
function kindOfCode(code: ProblemCode): ErrorKind {
  switch (code) {
    case 'BAD_REQUEST':
    case 'EMPTY_BODY':
    case 'MALFORMED_JSON':
    case 'VALIDATION_FAILED':
    case 'EXEMPTION_INVALID_RANGE':
    case 'EXEMPTION_TOO_LONG':
    case 'NOT_A_PROPOSED_TIME':
      return 'validation';
    case 'UNAUTHENTICATED':
      return 'unauthenticated';
    case 'INVALID_CREDENTIALS':
      return 'invalidCredentials';
    case 'FORBIDDEN':
    case 'LOCAL_PASSWORDS_OFF':
    case 'CROSS_SITE_REQUEST':
    case 'GUEST_LINK_LIMITED': // a link shown to staff opens no more than they may see
      return 'forbidden';
    case 'HEALTH_CONSENT_REQUIRED':
      return 'healthConsentRequired';
    case 'GUEST_CODE_REQUIRED':
      return 'guestCodeRequired';
    case 'GUEST_CODE_INVALID':
      return 'guestCodeInvalid';
    case 'GUEST_CODE_EXPIRED':
      return 'guestCodeExpired';
    case 'GUEST_EMAIL_MISSING':
      return 'guestEmailMissing';
    case 'NOT_FOUND':
      return 'notFound';
    case 'STAFF_EMAIL_EXISTS':
      return 'staffEmailExists';
    case 'LAST_ADMIN':
      return 'lastAdmin';
    case 'PASSWORD_LINK_INVALID':
      return 'passwordLinkInvalid';
    case 'PASSWORD_TOO_COMMON':
      return 'passwordTooCommon';
    case 'TEAM_EXISTS':
    case 'STAFF_INACTIVE':
      return 'conflict';
    case 'CASE_EXISTS':
    case 'CITIZEN_EXISTS':
    case 'CASELOAD_CEILING_EXCEEDED':
    case 'REQUEST_ALREADY_DECIDED':
    case 'MEETING_NOT_PROPOSED':
    case 'MEETING_CONFLICT':
    case 'MEETING_CLOSED':
    case 'MEETING_NOT_STARTED':
      return 'conflict';
    case 'PLAN_VERSION_CONFLICT':
      return 'planVersionConflict';
    case 'TOO_MANY_LOGIN_ATTEMPTS':
    case 'TOO_MANY_REQUESTS':
      return 'tooManyRequests';
    case 'DATABASE_UNAVAILABLE':
      return 'unavailable';
    case 'IF_MATCH_REQUIRED':
    case 'BODY_TOO_LARGE':
    case 'NOTES_TOO_LARGE':
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'METHOD_NOT_ALLOWED':
    case 'INTERNAL_ERROR':
    case 'MAIL_UNAVAILABLE':
      return 'other';
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}

/** A problem without a code the web knows (a proxy, a newer server) is judged by its status. */
function kindOfStatus(status: number): ErrorKind {
  if (status === 400) return 'validation';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 412) return 'planVersionConflict';
  if (status === 429) return 'tooManyRequests';
  if (status === 503) return 'unavailable';
  return 'other';
}

export function errorKind(error: unknown): ErrorKind {
  if (error instanceof NetworkError) return 'network';
  if (!(error instanceof ApiError)) return 'other';
  return error.code !== undefined ? kindOfCode(error.code) : kindOfStatus(error.status);
}

const hasCode = (error: unknown, code: ProblemCode): error is ApiError =>
  error instanceof ApiError && error.code === code;

/** What the API said was wrong with each field of a refused request (none for other failures). */
export const fieldProblems = (error: unknown): ProblemFieldError[] =>
  error instanceof ApiError ? (error.problem.errors ?? []) : [];

/** A staff participant is not free at the time asked for (409 MEETING_CONFLICT). */
export const isMeetingConflict = (error: unknown): error is ApiError => hasCode(error, 'MEETING_CONFLICT');

/**
 * Who is not free in a meeting conflict, per field (`start`, `proposals.1`): each entry names a staff member by id
 * and by name. The name is taken from `names` (the page's own reading) where it has the id. Empty for any other failure.
 */
export function meetingConflicts(
  error: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): { path: string; name: string }[] {
  if (!isMeetingConflict(error)) return [];
  return fieldProblems(error).flatMap(({ path, staffId, name: given }) => {
    const name = (staffId && names.get(staffId)) || given;
    return name ? [{ path, name }] : [];
  });
}

/** The staff names in a meeting conflict, each once, in the API's order. */
export const meetingConflictNames = (error: unknown, names?: ReadonlyMap<string, string>): string[] => [
  ...new Set(meetingConflicts(error, names).map(({ name }) => name)),
];

/** The person would pass their caseload ceiling (409): colleagues with room, or null for any other failure. */
export const ceilingSuggestions = (error: unknown): CeilingSuggestion[] | null =>
  hasCode(error, 'CASELOAD_CEILING_EXCEEDED') ? (error.problem.suggestions ?? []) : null;

/** Someone else saved the plan after this user loaded it (412 on If-Match). */
export const isPlanConflict = (error: unknown): boolean => errorKind(error) === 'planVersionConflict';

/** Health data was refused: the user is outside health and the citizen has not consented to sharing it. */
export const isHealthConsentRequired = (error: unknown): boolean => errorKind(error) === 'healthConsentRequired';

/**
 * For a form's onError: a refusal of health data means consent changed elsewhere, so `refused` lets
 * the page fetch consents and plan again; the form still shows the failure.
 */
export const whenHealthRefused =
  (refused: () => void) =>
  (error: unknown): void => {
    if (isHealthConsentRequired(error)) refused();
  };

export const isNotFound = (error: unknown): boolean => errorKind(error) === 'notFound';

/** The kinds with a wording of their own: the keys of `errors` in the translations. */
const hasOwnWording = (kind: ErrorKind): kind is ErrorKind & keyof Translation['errors'] =>
  Object.hasOwn(da.errors, kind);

/**
 * A short message in the user's language for a failed call. The API's own texts are English and
 * technical, so the user sees our wording, chosen by the kind of error; a kind without one (e.g. a
 * plan conflict, which the editor shows as such) says what the call failed to do (`fallback`).
 */
export function describeError(error: unknown, t: TFunction, fallback: string): string {
  const kind = errorKind(error);
  return hasOwnWording(kind) ? t(`errors.${kind}`) : fallback;
}
