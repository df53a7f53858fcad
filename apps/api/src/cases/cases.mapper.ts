import type { Case } from '@tvaers/contracts';
import { maskCpr } from '@tvaers/domain';
import type { CaseRow } from './cases.repository';

export function toCase(k: CaseRow): Case {
  return {
    id: k.id,
    citizenId: k.citizenId,
    citizenName: k.citizen.name,
    // The masked form is built from the stored birth digits only; the full CPR never reaches a mapper.
    cprMasked: maskCpr(k.citizen.cprBirth),
    benefit: k.citizen.benefit,
    teamId: k.teamId,
    responsibleId: k.responsibleId,
    responsibleName: k.responsible?.name ?? null,
    status: k.status,
    weight: Number(k.weight),
    closeReason: k.closeReason,
    closeOutcome: k.closeOutcome,
    members: [
      ...(k.responsible
        ? [
            {
              staffId: k.responsible.id,
              name: k.responsible.name,
              discipline: k.responsible.discipline,
              role: 'ansvarlig',
            },
          ]
        : []),
      ...k.members
        .filter((m) => m.staffId !== k.responsibleId)
        .map((m) => ({ staffId: m.staffId, name: m.staff.name, discipline: m.staff.discipline, role: m.role })),
    ],
    openedAt: k.openedAt.toISOString(),
    closedAt: k.closedAt?.toISOString() ?? null,
  };
}
