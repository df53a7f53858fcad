import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../../api/http-client';

/** Someone else saved the plan after this user loaded it (412 on If-Match). */
export function isPlanConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'PLAN_VERSION_CONFLICT' || error.status === 412);
}

/** Health data was refused: the user is outside health and the citizen has not consented to sharing it. */
export function isHealthConsentRequired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'HEALTH_CONSENT_REQUIRED';
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * A short message in the user's language for a failed call. The API's own texts are English and
 * technical, so the user sees our wording, chosen by status.
 */
export function describeError(error: unknown, t: TFunction, fallback: string): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (!(error instanceof ApiError)) return fallback;
  switch (error.status) {
    case 400:
      return t('errors.validation');
    case 403:
      return isHealthConsentRequired(error) ? t('errors.healthConsentRequired') : t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 429:
      return t('errors.tooManyRequests');
    default:
      return fallback;
  }
}
