import { Consent, ConsentList, RevealedCpr } from '@tvaers/contracts';
import type { ConsentScope, RevealCpr, SetConsent } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

/** The full CPR number. Every call is audited with its reason: ask only when the user needs to see it. */
export async function revealCpr(citizenId: string, input: RevealCpr): Promise<string> {
  const { cpr } = await unwrap(
    api.POST('/api/citizens/{id}/reveal-cpr', { params: { path: { id: citizenId } }, body: input }),
    RevealedCpr,
  );
  return cpr;
}

export async function fetchConsents(citizenId: string, signal?: AbortSignal): Promise<Consent[]> {
  const { items } = await unwrap(
    api.GET('/api/citizens/{id}/consents', { params: { path: { id: citizenId } }, signal }),
    ConsentList,
  );
  return items;
}

export function setConsent(citizenId: string, scope: ConsentScope, input: SetConsent): Promise<Consent> {
  return unwrap(
    api.PUT('/api/citizens/{id}/consents/{scope}', { params: { path: { id: citizenId, scope } }, body: input }),
    Consent,
  );
}
