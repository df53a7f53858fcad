import type { Me } from '@tvaers/contracts';

/**
 * Where a signed-in user starts when no page sent them to the login: a page with their own work, never an
 * empty list. One line per role; the manager's dashboard replaces the manager's line.
 */
export function landingPath(user: Pick<Me, 'roles'>): string {
  const { roles } = user;
  if (roles.includes('manager')) return '/dashboard';
  // Health staff take part in cases rather than hold them: "Sager, jeg deltager i".
  if (roles.includes('health') && !roles.includes('caseworker')) return '/cases?scope=member';
  // Caseworkers: this week's meetings (the calendar); "Mine sager" is their case list's default.
  return '/';
}
