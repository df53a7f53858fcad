import { Consent, ConsentList, RevealedCpr } from '@tvaers/contracts';
import type { ConsentScope, RevealCpr, SetConsent } from '@tvaers/contracts';
import { request } from './http-client';

const citizenPath = (citizenId: string) => `/citizens/${encodeURIComponent(citizenId)}`;

/** The full CPR number. Every call is audited with its reason: ask only when the user needs to see it. */
export async function revealCpr(citizenId: string, input: RevealCpr): Promise<string> {
  const { cpr } = await request(`${citizenPath(citizenId)}/reveal-cpr`, RevealedCpr, { method: 'POST', body: input });
  return cpr;
}

export async function fetchConsents(citizenId: string, signal?: AbortSignal): Promise<Consent[]> {
  const { items } = await request(`${citizenPath(citizenId)}/consents`, ConsentList, { signal });
  return items;
}

export function setConsent(citizenId: string, scope: ConsentScope, input: SetConsent): Promise<Consent> {
  return request(`${citizenPath(citizenId)}/consents/${encodeURIComponent(scope)}`, Consent, {
    method: 'PUT',
    body: input,
  });
}
