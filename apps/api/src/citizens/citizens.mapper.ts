import {
  type Benefit,
  type Citizen,
  type CitizenIntakeMatch,
  type Consent,
  type ConsentScope,
  consentScopes,
} from '@tvaers/contracts';
import { maskCpr } from '@tvaers/domain';
import type { CitizenRow } from './citizens.repository';
import type { ConsentEntity } from './consent.entity';

export function toCitizen(c: CitizenRow): Citizen {
  return {
    id: c.id,
    name: c.name,
    cprMasked: maskCpr(c.cprBirth),
    email: c.email,
    phone: c.phone,
    benefit: c.benefit as Benefit,
    benefitStart: c.benefitStart,
    activeCaseId: c.activeCaseId,
    createdAt: c.createdAt.toISOString(),
  };
}

/** Who the citizen is, nothing more: an exact-CPR match outside the actor's citizens (intake). */
export const toIntakeMatch = (c: CitizenRow): CitizenIntakeMatch => ({
  id: c.id,
  name: c.name,
  cprMasked: maskCpr(c.cprBirth),
});

/** Every scope, given or not, so the UI can show the whole picture. */
export function toConsents(rows: ConsentEntity[]): Consent[] {
  return consentScopes.map((scope: ConsentScope) => {
    const r = rows.find((x) => x.scope === scope);
    return {
      scope,
      given: r?.given ?? false,
      givenAt: r?.givenAt?.toISOString() ?? null,
      recordedBy: r ? { id: r.recordedById, name: r.recordedByName } : null,
      withdrawnAt: r?.withdrawnAt?.toISOString() ?? null,
      note: r?.note ?? null,
    };
  });
}
