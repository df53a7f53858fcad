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

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', CPR_ENCRYPTION_KEY: 'short' })).toThrow(/PORT[\s\S]*CPR_ENCRYPTION_KEY/);
  });
});
