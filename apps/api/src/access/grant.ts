import type { Discipline, IndicatorKey } from '@tvaers/contracts';
import { healthConsentRequired } from './access.errors';

/** What an access check found out, for the service to use: whose data, and whether health data is within reach. */
export interface Grant {
  citizenId: string;
  caseId: string | null;
  /** The health rule: health staff, and the rest of the unit while the citizen's health_in_unit consent is given. */
  seesHealth: boolean;
}

/** Health staff see health data of every citizen within reach; others only with the citizen's consent. */
export const staffSeesHealth = (actor: { discipline: Discipline; roles: readonly string[] }) =>
  actor.discipline === 'health' || actor.roles.includes('health');

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
