import type { Absence } from '@tvaers/contracts';
import type { AbsenceEntity } from './absence.entity';

export function toAbsence(a: AbsenceEntity): Absence {
  return { id: a.id, staffId: a.staffId, start: a.startAt.toISOString(), end: a.endAt.toISOString(), reason: a.reason };
}
