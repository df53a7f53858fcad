import { randomInt } from 'node:crypto';
import type { TestApp } from './app';

let seq = 0;
/** A valid, unique CPR (1900s births, 7th digit 0-3) for this run. */
export function uniqueCpr(): string {
  seq += 1;
  const day = String(1 + randomInt(28)).padStart(2, '0');
  const month = String(1 + randomInt(12)).padStart(2, '0');
  const year = String(50 + randomInt(49)).padStart(2, '0');
  return `${day}${month}${year}${randomInt(4)}${String((seq * 37 + randomInt(1000)) % 1000).padStart(3, '0')}`;
}

export async function createCitizen(t: TestApp, cookie: string, extra: Record<string, unknown> = {}) {
  const cpr = uniqueCpr();
  const res = await t
    .http()
    .post('/api/citizens')
    .set('cookie', cookie)
    .send({ cpr, name: `Test Borger ${seq}`, benefit: 'kontanthjaelp', benefitStart: '2026-01-15', ...extra });
  if (res.status !== 201) throw new Error(`citizen: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, cpr } as { id: string; cpr: string; cprMasked: string; name: string };
}

export async function createCase(t: TestApp, cookie: string, responsibleId: string, weight = 0.25) {
  const citizen = await createCitizen(t, cookie);
  const res = await t
    .http()
    .post('/api/cases')
    .set('cookie', cookie)
    .send({ citizenId: citizen.id, responsibleId, weight });
  if (res.status !== 201) throw new Error(`case: ${res.status} ${JSON.stringify(res.body)}`);
  return { citizen, kase: res.body as { id: string; citizenId: string; teamId: string } };
}
