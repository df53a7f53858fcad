import type { Consent, Me } from '@tvaers/contracts';

/**
 * Whether the user may see the citizen's health data, by the API's rule (api.md "Who sees what"):
 * health staff always, others only while the citizen's `health_in_unit` consent is given.
 * Undefined while the consents are not known; the API's own `healthHidden` flags and its 403 still apply.
 */
export function seesHealth(user: Me, consents: Consent[] | undefined): boolean | undefined {
  if (user.discipline === 'health' || user.roles.includes('health')) return true;
  if (!consents) return undefined;
  return consents.some((consent) => consent.scope === 'health_in_unit' && consent.given);
}
