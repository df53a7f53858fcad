import { Consent, ConsentList, RevealedCpr } from '@tvaers/contracts';
import type { ConsentScope, RevealCpr, SetConsent } from '@tvaers/contracts';
import { api, unwrap, unwrapItems } from './http-client';

/** The full CPR number. Every call is audited with its reason: ask only when the user needs to see it. */
export async function revealCpr(citizenId: string, input: RevealCpr): Promise<string> {
  const { cpr } = await unwrap(
    api.POST('/api/citizens/{id}/reveal-cpr', { params: { path: { id: citizenId } }, body: input }),
    RevealedCpr,
  );
  return cpr;
}

export function fetchConsents(citizenId: string, signal?: AbortSignal): Promise<Consent[]> {
  return unwrapItems(
    api.GET('/api/citizens/{id}/consents', { params: { path: { id: citizenId } }, signal }),
    ConsentList,
  );
}

export function setConsent(citizenId: string, scope: ConsentScope, input: SetConsent): Promise<Consent> {
  return unwrap(
    api.PUT('/api/citizens/{id}/consents/{scope}', { params: { path: { id: citizenId, scope } }, body: input }),
    Consent,
  );
}
