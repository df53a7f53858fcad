import pino from 'pino';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app';
import { apiClient, problem } from '../support/client';
import { createStaff, type Staff } from '../support/factories';
import { LocalProvider, OIDC_CLIENT as CLIENT } from '../support/oidc';

/**
 * Staff sign-in through a real OpenID provider (oidc-provider in a process of its own), driven over HTTP as a
 * browser would: Tværs → the provider's login and consent pages → Tværs's callback → a Tværs session.
 */

/** Cookies per origin, as a browser keeps them (enough for these two servers). */
class CookieJar {
  private jars = new Map<string, Map<string, string>>();
  take(url: URL, res: Response): void {
    const jar = this.jars.get(url.origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now());
      if (expired || value === '') jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    this.jars.set(url.origin, jar);
  }
  header(url: URL): string {
    return [...(this.jars.get(url.origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(url: URL, name: string): string | undefined {
    return this.jars.get(url.origin)?.get(name);
  }
}

interface Visit {
  url: URL;
  res: Response;
  body: string;
}

async function visit(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<Visit> {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
  });
  jar.take(url, res);
  return { url, res, body: await res.text() };
}

/**
 * Clicks "Log ind med kommunens login" and signs in at the provider as `sub`: follows every redirect, fills its
 * login page and accepts its consent page, until the browser is back at Tværs past the callback.
 * Returns where Tværs sent the browser and the session cookie, if one was set.
 */
async function signIn(t: TestApp, sub: string, jar = new CookieJar(), stopAtCallback = false) {
  let step = await visit(jar, new URL('/api/auth/oidc/login', t.url));
  const tvaers = new URL(t.url).origin;
  let callback: URL | undefined;
  for (let hops = 0; hops < 20; hops++) {
    const { res, url, body } = step;
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location') ?? '', url);
      if (next.origin === tvaers && url.origin === tvaers && url.pathname === '/api/auth/oidc/callback') {
        return { location: next, session: jar.get(next, 'tvaers_session'), callback: callback!, jar };
      }
      if (next.origin === tvaers) {
        callback = next;
        if (stopAtCallback) return { location: next, session: undefined, callback, jar };
      }
      step = await visit(jar, next);
      continue;
    }
    expect(res.status).toBe(200);
    const action = /<form[^>]*action="([^"]+)"/.exec(body)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(body)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page at ${url.href}: ${body.slice(0, 300)}`);
    const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login: sub, password: 'x' } : {}) });
    step = await visit(jar, new URL(action, url), {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  throw new Error('too many redirects');
}

let provider: LocalProvider;
let t: TestApp;
/** Passwords off, people matched by the provider's subject (kept at the first match by e-mail). */
let bySubject: TestApp;
let sw: Staff;
let admin: Staff;
/** What `t` logged, one JSON object a line. */
const logged: string[] = [];

beforeAll(async () => {
  const started = await LocalProvider.start();
  provider = started.provider;
  const oidcEnv = {
    OIDC_ISSUER: started.issuer,
    OIDC_CLIENT_ID: CLIENT.clientId,
    OIDC_CLIENT_SECRET: CLIENT.clientSecret,
  };
  t = await startTestApp(oidcEnv, pino({ level: 'info' }, { write: (line: string) => void logged.push(line) }));
  bySubject = await startTestApp({ ...oidcEnv, OIDC_MATCH: 'subject', LOCAL_PASSWORDS: 'off' });
  await provider.send({
    ...CLIENT,
    redirectUris: [t, bySubject].map((app) => `${app.url}/api/auth/oidc/callback`),
  });
  sw = await createStaff(t);
  admin = await createStaff(t, { kind: 'admin' });
});

afterAll(async () => {
  provider?.stop();
  await Promise.all([t?.close(), bySubject?.close()]);
});

const me = (app: TestApp, session: string) => apiClient(app, `tvaers_session=${session}`).auth.me();
/** The provider's answer at Tværs's callback again, from a browser without the flow cookie. */
const replay = (app: TestApp, callback: URL) =>
  apiClient(app).wire('get', '/api/auth/oidc/callback', { query: Object.fromEntries(callback.searchParams) });

describe('single sign-on (OIDC, authorization code with PKCE)', () => {
  it('tells the login page what it offers', async () => {
    expect(await apiClient(t).auth.config()).toEqual({ sso: true, localPasswords: true });
    expect(await apiClient(bySubject).auth.config()).toEqual({ sso: true, localPasswords: false });
  });

  it('sends the browser to the provider with state, nonce and an S256 PKCE challenge', async () => {
    const res = await apiClient(t).wire('get', '/api/auth/oidc/login');
    expect(res.status).toBe(302);
    const location = String(res.headers.get('location'));
    const to = new URL(location);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get('state')).toBeTruthy();
    expect(to.searchParams.get('nonce')).toBeTruthy();
    expect(to.searchParams.get('redirect_uri')).toBe(`${t.url}/api/auth/oidc/callback`);
    // The verifier stays at the server: the browser only holds an HttpOnly cookie for the callback.
    expect(location).not.toContain('code_verifier');
    expect(String(res.headers.get('set-cookie'))).toMatch(/tvaers_oidc=.*HttpOnly/);
  });

  it('logs a known staff member in by the verified e-mail: a normal Tværs session', async () => {
    await provider.account('sub-known', sw.email.toUpperCase());
    const { location, session } = await signIn(t, 'sub-known');
    expect(location.pathname).toBe('/');
    expect(session).toBeTruthy();
    expect(await me(t, session!)).toMatchObject({ id: sw.id, email: sw.email, teamIds: sw.teams.map((x) => x.id) });
    // Logged as a password login is, saying how.
    const logins = logged.map((l) => JSON.parse(l) as { msg: string; staffId?: string; via?: string });
    expect(logins).toContainEqual(expect.objectContaining({ msg: 'staff logged in', staffId: sw.id, via: 'oidc' }));
    expect(logins).toContainEqual(expect.objectContaining({ msg: 'staff logged in', staffId: sw.id, via: 'password' }));
  });

  it('sends an unknown person back to the login page with a code, and no session', async () => {
    await provider.account('sub-stranger', 'stranger@elsewhere.example');
    const { location, session } = await signIn(t, 'sub-stranger');
    expect(`${location.pathname}${location.search}`).toBe('/login?sso=unknown-user');
    expect(session).toBeUndefined();
  });

  it('refuses an e-mail the provider has not verified', async () => {
    await provider.account('sub-unverified', sw.email, false);
    const { location, session } = await signIn(t, 'sub-unverified');
    expect(location.search).toBe('?sso=unknown-user');
    expect(session).toBeUndefined();
  });

  it('refuses a deactivated staff member', async () => {
    const leaving = await createStaff(t);
    await admin.api.admin.updateStaff(leaving.id, { active: false });
    await provider.account('sub-leaving', leaving.email);
    const { location, session } = await signIn(t, 'sub-leaving');
    expect(location.search).toBe('?sso=unknown-user');
    expect(session).toBeUndefined();
  });

  it('uses a callback once', async () => {
    await provider.account('sub-replay', sw.email);
    const first = await signIn(t, 'sub-replay');
    expect(first.session).toBeTruthy();
    // The same answer again, with or without the flow cookie: no second session.
    const again = await replay(t, first.callback);
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe('/login?sso=failed');
    expect(String(again.headers.get('set-cookie') ?? '')).not.toContain('tvaers_session=');
  });

  it("refuses a provider's answer delivered to another browser (login CSRF), and the starter's still works", async () => {
    await provider.account('sub-csrf', sw.email);
    const { callback, jar } = await signIn(t, 'sub-csrf', new CookieJar(), true);
    const elsewhere = await replay(t, callback);
    expect(elsewhere.status).toBe(302);
    expect(elsewhere.headers.get('location')).toBe('/login?sso=failed');
    expect(String(elsewhere.headers.get('set-cookie') ?? '')).not.toContain('tvaers_session=');
    const home = await visit(jar, callback);
    expect(home.res.headers.get('location')).toBe('/');
    expect(jar.get(callback, 'tvaers_session')).toBeTruthy();
  });

  it('answers a forged callback with a redirect to the login page, never a session', async () => {
    for (const query of [{ code: 'forged', state: 'forged' }, { error: 'access_denied' }]) {
      const res = await apiClient(t).wire('get', '/api/auth/oidc/callback', { query });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/login?sso=failed');
    }
  });

  it('with LOCAL_PASSWORDS=off, password login answers 403 and the right password does not help', async () => {
    const res = await problem(apiClient(bySubject).auth.login({ email: sw.email, password: DEMO_PASSWORD }));
    expect(res).toMatchObject({ status: 403, code: 'LOCAL_PASSWORDS_OFF' });
  });

  it('by subject: kept at the first match by e-mail, found by it later, and not taken over by another subject', async () => {
    const person = await createStaff(t);
    await provider.account('sub-first', person.email);
    const first = await signIn(bySubject, 'sub-first');
    expect((await me(bySubject, first.session!)).id).toBe(person.id);

    // The e-mail changed at the provider: the subject still finds the person.
    await provider.account('sub-first', 'renamed@elsewhere.example');
    const later = await signIn(bySubject, 'sub-first');
    expect((await me(bySubject, later.session!)).id).toBe(person.id);

    // Another identity with the person's e-mail does not get in.
    await provider.account('sub-other', person.email);
    const other = await signIn(bySubject, 'sub-other');
    expect(other.location.search).toBe('?sso=unknown-user');
    expect(other.session).toBeUndefined();
    const [row] = await t.app
      .get(DataSource)
      .query<{ oidc_subject: string }[]>(`SELECT oidc_subject FROM staff WHERE id = $1`, [person.id]);
    expect(row.oidc_subject).toBe('sub-first');
  });
});

describe('single sign-on not configured', () => {
  it('offers no SSO and the routes are 404', async () => {
    const plain = await startTestApp();
    try {
      expect(await apiClient(plain).auth.config()).toEqual({ sso: false, localPasswords: true });
      expect((await apiClient(plain).wire('get', '/api/auth/oidc/login')).status).toBe(404);
      const callback = await apiClient(plain).wire('get', '/api/auth/oidc/callback', {
        query: { code: 'x', state: 'y' },
      });
      expect(callback.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
