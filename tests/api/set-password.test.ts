// Set-password links: the link is looked up (and locked) before a password is checked or hashed, tries are
// throttled per link and per address, and common or patterned passwords are refused besides the length rule.
import { randomBytes } from 'node:crypto';
import { PasswordHasher } from '@tvaers/api/src/people/password';
import { apiClient, problem } from '../support/client';
import { createStaff, staffSuite } from '../support/factories';

// Trusts 127.0.0.1: X-Forwarded-For names the client.
const s = staffSuite({ TRUST_PROXY: '127.0.0.1' }, 'admin');
afterEach(() => jest.restoreAllMocks());

const GOOD = 'blå cykel under broen';
const bogus = () => randomBytes(32).toString('base64url');
let octet = 0;
/** An address of its own per test, so the per-address counter is the test's alone. */
const nextAddress = () => `198.18.${Math.floor((octet += 1) / 250)}.${octet % 250}`;

/** A new person's token of a set-password link (this app has no mail set up, so the link is shown). */
async function linkToken(): Promise<string> {
  const person = await createStaff(s.t);
  const link = await s.admin.api.admin.passwordReset(person.id);
  return link.path!.split('/').pop()!;
}
/** A try as it comes over the wire, from this address. */
const setPassword = (token: string, password: string, from: string) =>
  apiClient(s.t).wire('post', '/api/auth/set-password', {
    headers: { 'x-forwarded-for': from },
    body: { token, password },
  });

describe('set-password', () => {
  it('looks the link up before hashing: bogus links and refused passwords cost no argon2 hash', async () => {
    const hash = jest.spyOn(s.t.app.get(PasswordHasher), 'hash');
    const from = nextAddress();
    for (let i = 0; i < 20; i++) {
      const res = await setPassword(bogus(), GOOD, from);
      expect([res.status, (res.body as { code: string }).code]).toEqual([400, 'PASSWORD_LINK_INVALID']);
    }
    const token = await linkToken();
    const weak = await setPassword(token, 'aaaaaaaaaaaa', from);
    expect([weak.status, (weak.body as { code: string }).code]).toEqual([400, 'PASSWORD_TOO_COMMON']);
    expect(hash).not.toHaveBeenCalled();
    // A refused password leaves the link usable.
    expect((await setPassword(token, GOOD, from)).status).toBe(204);
    expect(hash).toHaveBeenCalledTimes(1);
  });

  it('answers a used link as such before it judges the password', async () => {
    const token = await linkToken();
    const anonymous = apiClient(s.t).auth;
    await anonymous.setPassword({ token, password: GOOD });
    expect(await problem(anonymous.setPassword({ token, password: 'password1234' }))).toMatchObject({
      status: 400,
      code: 'PASSWORD_LINK_INVALID',
    });
  });

  it('refuses common passwords and simple patterns, with the field named', async () => {
    const token = await linkToken();
    const anonymous = apiClient(s.t).auth;
    for (const password of ['aaaaaaaaaaaa', 'password1234', 'Password2024!', 'iloveyou2024!', '123456789012']) {
      expect(await problem(anonymous.setPassword({ token, password }))).toMatchObject({
        status: 400,
        code: 'PASSWORD_TOO_COMMON',
        paths: ['password'],
      });
    }
    await anonymous.setPassword({ token, password: GOOD });
  });

  it('lets one link be used once when two tries race', async () => {
    const token = await linkToken();
    const from = nextAddress();
    const [a, b] = await Promise.all([setPassword(token, GOOD, from), setPassword(token, `${GOOD} igen`, from)]);
    expect([a.status, b.status].sort()).toEqual([204, 400]);
  });

  it('throttles tries per link (from any address) with Retry-After', async () => {
    const token = bogus();
    for (let i = 0; i < 10; i++) expect((await setPassword(token, GOOD, nextAddress())).status).toBe(400);
    const limited = await setPassword(token, GOOD, nextAddress());
    expect(limited.status).toBe(429);
    expect((limited.body as { code: string }).code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('throttles tries per address, and only that address', async () => {
    const from = nextAddress();
    const burst = await Promise.all(Array.from({ length: 60 }, () => setPassword(bogus(), GOOD, from)));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 400).length).toBe(50);
    expect(statuses.filter((s) => s === 429).length).toBe(10);
    expect(Number(burst.find((r) => r.status === 429)?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await setPassword(await linkToken(), GOOD, nextAddress())).status).toBe(204);
  });
});
