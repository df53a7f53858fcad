import type { CaseloadRow } from '@tvaers/contracts';
import { compareDanish, takesCasesOf } from '@tvaers/domain';

/**
 * Those of the team not suggested for cases of `discipline` (null: none yet), in the suggestions' order: who takes
 * such cases at all (health staff only health cases), then the same discipline, then lowest utilisation, then name.
 */
export function othersByRoom(
  team: readonly CaseloadRow[],
  leaveOut: ReadonlySet<string>,
  discipline: string | null,
): CaseloadRow[] {
  const takes = (r: CaseloadRow) => (takesCasesOf(r.discipline, discipline) ? 0 : 1);
  const same = (r: CaseloadRow) => (discipline === null || r.discipline === discipline ? 0 : 1);
  return team
    .filter((r) => !leaveOut.has(r.staffId))
    .sort(
      (a, b) =>
        takes(a) - takes(b) ||
        same(a) - same(b) ||
        (a.utilization ?? 0) - (b.utilization ?? 0) ||
        compareDanish(a.name, b.name),
    );
}

/**
 * The team's load and capacity for its (employment) cases, or (`health`) its health staff's: health staff are
 * counted by their own discipline, never as room for the team's cases.
 */
export function teamRoom(rows: readonly CaseloadRow[], health: boolean) {
  const counted = rows.filter((r) => takesCasesOf(r.discipline, null) !== health);
  const load = counted.reduce((sum, r) => sum + Math.round(r.load * 100), 0) / 100;
  const capacity = counted.every((r) => r.ceiling === null)
    ? null
    : counted.reduce((sum, r) => sum + Math.round((r.ceiling ?? 0) * 100), 0) / 100;
  return { people: counted.length, load, capacity, utilization: capacity ? load / capacity : null };
}
