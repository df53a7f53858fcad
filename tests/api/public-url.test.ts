// Links name PUBLIC_BASE_URL, else the address the server listens on; never the Host header a request brings.
import { assertServerConfig, linkBase, loadConfig } from '@tvaers/api/src/config/config';
import { GuestLink } from '@tvaers/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { offContract } from '../support/client';
import { addGuestParticipant, createCase, createMeeting, staffSuite } from '../support/factories';

const s = staffSuite();

async function newLink(app: TestApp, cookie: string, host?: string): Promise<string> {
  const { kase } = await createCase(app, cookie, s.sw.id);
  const meeting = await createMeeting(app, kase.id, s.sw);
  const doctor = await addGuestParticipant(app, meeting.id, 'doctor');
  // fetch (and so the typed client) sends no Host of the caller's.
  const res = await offContract(app, 'POST', `/api/meetings/${meeting.id}/participants/${doctor.id}/link`, {
    headers: { cookie, 'content-type': 'application/json', ...(host ? { host } : {}) },
    body: '{}',
  });
  expect(res.status).toBe(201);
  return GuestLink.parse(res.body).url;
}

describe('guest links', () => {
  it('do not take the Host header: Host evil.example gives a link to the listen address', async () => {
    const url = await newLink(s.t, s.sw.cookie, 'evil.example');
    expect(url).not.toContain('evil.example');
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${new URL(s.t.url).port}/m/[A-Za-z0-9_-]{43}$`));
  });

  it('name PUBLIC_BASE_URL when it is set, whatever the Host', async () => {
    const pub = await startTestApp({ PUBLIC_BASE_URL: 'https://tvaers.kommune.dk/' });
    try {
      const cookie = await pub.login(s.sw.email);
      const url = await newLink(pub, cookie, 'evil.example');
      expect(url).toMatch(/^https:\/\/tvaers\.kommune\.dk\/m\/[A-Za-z0-9_-]{43}$/);
    } finally {
      await pub.close();
    }
  });
});

describe('the configuration', () => {
  it('requires PUBLIC_BASE_URL to start a production server, with a message naming it', () => {
    expect(() => assertServerConfig(loadConfig({ NODE_ENV: 'production' }))).toThrow(
      /PUBLIC_BASE_URL: required in production/,
    );
    expect(() =>
      assertServerConfig(loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://tvaers.kommune.dk' })),
    ).not.toThrow();
    expect(() => assertServerConfig(loadConfig({}))).not.toThrow();
  });

  it('builds links from the listen address without PUBLIC_BASE_URL', () => {
    expect(linkBase(loadConfig({}))).toBe('http://127.0.0.1:3000');
    expect(linkBase(loadConfig({ HOST: '10.0.0.7', PORT: '8080' }))).toBe('http://10.0.0.7:8080');
    expect(linkBase(loadConfig({ HOST: '0.0.0.0' }))).toBe('http://localhost:3000');
    expect(linkBase(loadConfig({ HOST: '::1' }), 4000)).toBe('http://[::1]:4000');
    expect(linkBase(loadConfig({ PUBLIC_BASE_URL: 'https://tvaers.kommune.dk/' }))).toBe('https://tvaers.kommune.dk');
  });
});
