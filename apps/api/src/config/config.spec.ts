import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to a local demo start on port 3000 with data under ./.data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, demoMode: true, env: 'development' });
    expect(c.dataDir.endsWith('.data')).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
  });

  it('turns demo mode off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demoMode).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO_MODE: 'true' }).demoMode).toBe(true);
  });

  it('takes an http(s) VIDEO_BASE_URL without its trailing slash, and none by default', () => {
    expect(loadConfig({}).videoBaseUrl).toBeUndefined();
    expect(loadConfig({ VIDEO_BASE_URL: 'https://meet.example.dk/tvaers/' }).videoBaseUrl).toBe(
      'https://meet.example.dk/tvaers',
    );
    expect(() => loadConfig({ VIDEO_BASE_URL: 'ftp://meet.example.dk' })).toThrow(/VIDEO_BASE_URL/);
  });

  it('requires the guest e-mail code only when asked for, never in demo mode, and only with SMTP', () => {
    const prod = { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' };
    expect(loadConfig(prod).guestEmailCode).toBe(false);
    expect(loadConfig({ ...prod, GUEST_EMAIL_CODE: 'true' }).guestEmailCode).toBe(true);
    expect(loadConfig({ ...prod, GUEST_EMAIL_CODE: 'true', DEMO_MODE: 'true' }).guestEmailCode).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', GUEST_EMAIL_CODE: 'true' })).toThrow(/GUEST_EMAIL_CODE/);
  });

  it('anonymises citizens 1826 days after their last case closed unless RETENTION_DAYS says otherwise; 0 or off: never', () => {
    expect(loadConfig({}).retentionDays).toBe(1826);
    expect(loadConfig({ RETENTION_DAYS: '3650' }).retentionDays).toBe(3650);
    expect(loadConfig({ RETENTION_DAYS: '0' }).retentionDays).toBeNull();
    expect(loadConfig({ RETENTION_DAYS: 'off' }).retentionDays).toBeNull();
    for (const bad of ['', '-1', '5y', '1.5', 'on']) {
      expect(() => loadConfig({ RETENTION_DAYS: bad })).toThrow(/RETENTION_DAYS/);
    }
  });

  it('sizes seed:large by SEED_SCALE: the full municipality unless a fraction above 0 and at most 1 is given', () => {
    expect(loadConfig({}).seedScale).toBe(1);
    expect(loadConfig({ SEED_SCALE: '0.01' }).seedScale).toBe(0.01);
    for (const bad of ['0', '-0.5', '2', 'much']) {
      expect(() => loadConfig({ SEED_SCALE: bad })).toThrow(/SEED_SCALE/);
    }
  });

  it('names the unit in mails: "Tværfaglig enhed" unless UNIT_NAME says otherwise', () => {
    expect(loadConfig({}).unitName).toBe('Tværfaglig enhed');
    expect(loadConfig({ UNIT_NAME: ' Jobcenter Vejle, rundbord ' }).unitName).toBe('Jobcenter Vejle, rundbord');
    expect(() => loadConfig({ UNIT_NAME: 'x' })).toThrow(/UNIT_NAME/);
  });

  it('offers single sign-on only with an issuer and a client id, https in production; passwords off only next to it', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({}).localPasswords).toBe(true);
    const sso = { OIDC_ISSUER: 'https://login.kommune.dk', OIDC_CLIENT_ID: 'tvaers' };
    expect(loadConfig({ ...sso, LOCAL_PASSWORDS: 'off' })).toMatchObject({
      oidc: { issuer: 'https://login.kommune.dk', clientId: 'tvaers', match: 'email' },
      localPasswords: false,
    });
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.kommune.dk' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ LOCAL_PASSWORDS: 'off' })).toThrow(/LOCAL_PASSWORDS/);
    expect(() => loadConfig({ ...sso, OIDC_MATCH: 'name' })).toThrow(/OIDC_MATCH/);
    expect(() => loadConfig({ ...sso, NODE_ENV: 'production', OIDC_ISSUER: 'http://login.kommune.dk' })).toThrow(
      /OIDC_ISSUER/,
    );
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', CPR_ENCRYPTION_KEY: 'short' })).toThrow(/PORT[\s\S]*CPR_ENCRYPTION_KEY/);
  });
});
