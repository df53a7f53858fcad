import type { Case } from '@tvaers/contracts';
import { maskedCpr } from '../citizens/citizens.mapper';
import type { CaseRow } from './cases.repository';

export function toCase(k: CaseRow): Case {
  return {
    id: k.id,
    citizenId: k.citizenId,
    citizenName: k.citizen.name,
    cprMasked: maskedCpr(k.citizen.cprBirth),
    benefit: k.citizen.benefit,
    teamId: k.teamId,
    responsibleId: k.responsibleId,
    responsibleName: k.responsible.name,
    status: k.status,
    weight: Number(k.weight),
    closeReason: k.closeReason,
    members: [
      { staffId: k.responsible.id, name: k.responsible.name, discipline: k.responsible.discipline, role: 'ansvarlig' },
      ...k.members
        .filter((m) => m.staffId !== k.responsibleId)
        .map((m) => ({ staffId: m.staffId, name: m.staff.name, discipline: m.staff.discipline, role: m.role })),
    ],
    openedAt: k.openedAt.toISOString(),
    closedAt: k.closedAt?.toISOString() ?? null,
  };
}
