import type { Discipline, IndicatorKey } from '@tvaers/contracts';
import type { GuestActor, StaffActor } from '../common/auth/actor';
import { healthConsentRequired } from './access.errors';

/** What an access check found out, for the service to use: whose data, and whether health data is within reach. */
export interface Grant {
  citizenId: string;
  caseId: string | null;
  /** The health rule: health staff, and the rest of the unit while the citizen's health_in_unit consent is given. */
  seesHealth: boolean;
}

/** Who looks at health data: a staff member (also one a link was shown to), or a guest link's holder. */
export type HealthViewer = Pick<StaffActor, 'discipline' | 'roles'> | GuestActor;

/**
 * The health rule, decided here only: health staff see the health data of every citizen within reach, the rest
 * of the unit while the citizen's health_in_unit consent (`healthConsent`) is given. Through a link the citizen
 * sees their own, unless the link was shown to a staff member, who sees no more through it than in their own
 * session; other guests (the doctor) only under the consent.
 */
export function seesHealth(viewer: HealthViewer, healthConsent: boolean): boolean {
  if (!('participantKind' in viewer)) {
    return viewer.discipline === 'health' || viewer.roles.includes('health') || healthConsent;
  }
  if (viewer.participantKind !== 'citizen') return healthConsent;
  return viewer.copiedBy ? seesHealth(viewer.copiedBy, healthConsent) : true;
}

/** Health fields outside the efforts: shown within the same rule as health efforts. */
export const HEALTH_INDICATORS: readonly IndicatorKey[] = ['health_mastery'];

/** The health rule applied to data: the one place that filters, marks and refuses health content. */
export const health = {
  hides: (grant: Grant, discipline: Discipline) => discipline === 'health' && !grant.seesHealth,
  visible<T extends { discipline: Discipline }>(grant: Grant, items: T[]): { items: T[]; hidden: boolean } {
    const shown = items.filter((i) => !health.hides(grant, i.discipline));
    return { items: shown, hidden: shown.length !== items.length };
  },
  indicatorKeys<K extends IndicatorKey>(grant: Grant, keys: readonly K[]): K[] {
    return grant.seesHealth ? [...keys] : keys.filter((k) => !HEALTH_INDICATORS.includes(k));
  },
  /** Entering health data the user could not see afterwards is refused up front, not silently hidden. */
  requireSees(grant: Grant, discipline: Discipline | 'health'): void {
    if (health.hides(grant, discipline)) throw healthConsentRequired();
  },
};
