import type { CitizenRequest, Exemption } from '@tvaers/contracts';
import type { CitizenRequestEntity } from './citizen-request.entity';
import type { ExemptionEntity } from './exemption.entity';

export function toRequest(r: CitizenRequestEntity): CitizenRequest {
  return {
    id: r.id,
    kind: r.kind,
    description: r.description,
    receivedAt: r.receivedAt.toISOString(),
    decisionDue: r.decisionDue,
    decision: r.decision,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedById ? { id: r.decidedById, name: r.decidedByName ?? '' } : null,
  };
}

export function toExemption(e: ExemptionEntity): Exemption {
  return {
    id: e.id,
    startDate: e.startDate,
    endDate: e.endDate,
    reason: e.reason,
    decidedBy: { id: e.decidedById, name: e.decidedByName },
    decidedAt: e.decidedAt.toISOString(),
  };
}
