import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { loadConfig } from '@tvaers/api/src/config/config';
import { startTestApp } from '../support/app';
import { offContract } from '../support/client';
import { createCase, staffSuite } from '../support/factories';

// The built web app the API serves (npm test builds it first).
const webDist = loadConfig({}).webDist;
const assets = () => fs.readdirSync(path.join(webDist, 'assets'));
const largestScript = () =>
  assets()
    .filter((f) => f.endsWith('.js'))
    .sort(
      (a, b) => fs.statSync(path.join(webDist, 'assets', b)).size - fs.statSync(path.join(webDist, 'assets', a)).size,
    )[0];

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body is read as sent: no client decompresses it behind the test's back. */
function raw(base: string, url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(url, base), { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

const csp = (res: Raw) =>
  new Map(
    String(res.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );

const s = staffSuite();

describe('security headers', () => {
  const expectSecurityHeaders = (res: Raw) => {
    const policy = csp(res);
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe-(inline|eval)/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // Served over plain http here: no promise of https.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  };

  it('on an API answer with personal data, which no cache may keep', async () => {
    await createCase(s.t, s.sw.cookie, s.sw.id);
    const res = await raw(s.t.url, '/api/cases', { cookie: s.sw.cookie });
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('on problems, including those answered before a route is reached', async () => {
    for (const url of ['/api/me', '/api/no-such-route']) {
      const res = await raw(s.t.url, url);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expectSecurityHeaders(res);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('on index.html, which is revalidated on every load and has no inline script', async () => {
    for (const url of ['/', '/cases', '/m/some-guest-token', '/index.html']) {
      const res = await raw(s.t.url, url);
      expect(res.status).toBe(200);
      expectSecurityHeaders(res);
      expect(res.headers['cache-control']).toBe('no-cache');
      const html = res.body.toString('utf8');
      expect(html).toContain('<div id="root">');
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
      expect(html).not.toMatch(/\sstyle=/);
    }
  });

  it('sends HSTS and upgrades requests only when served over https', async () => {
    const secure = await startTestApp({ PUBLIC_BASE_URL: 'https://tvaers.kommune.example' });
    try {
      for (const url of ['/', '/api/health']) {
        const res = await raw(secure.url, url);
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect(csp(res).has('upgrade-insecure-requests')).toBe(true);
      }
    } finally {
      await secure.close();
    }
  });
});

describe('built files', () => {
  it('caches a hashed asset for a year, immutable', async () => {
    const res = await raw(s.t.url, `/assets/${largestScript()}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('builds no source map, and serves none even when one lies in the folder', async () => {
    expect(assets().filter((f) => f.endsWith('.map'))).toEqual([]);
    const script = largestScript();
    expect(fs.readFileSync(path.join(webDist, 'assets', script), 'utf8')).not.toContain('sourceMappingURL');
    expect((await raw(s.t.url, `/assets/${script}.map`)).status).toBe(404);

    // An old build's map left behind is not published either.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1234.js'), 'export {};');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1234.js.map'), '{"sources":["secret.ts"]}');
    const old = await startTestApp({ WEB_DIST: dir });
    try {
      expect((await raw(old.url, '/assets/app-1234.js')).status).toBe(200);
      const map = await raw(old.url, '/assets/app-1234.js.map');
      expect(map.status).toBe(404);
      expect(map.body.toString()).not.toContain('secret.ts');
    } finally {
      await old.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a missing asset with 404, not index.html under its name', async () => {
    const res = await raw(s.t.url, '/assets/gone-0000.js');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('compression', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('sends the %s twin made at build when the browser asks', async (encoding, decompress) => {
    const script = largestScript();
    expect(fs.existsSync(path.join(webDist, 'assets', `${script}.${encoding === 'br' ? 'br' : 'gz'}`))).toBe(true);
    const plain = await raw(s.t.url, `/assets/${script}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const res = await raw(s.t.url, `/assets/${script}`, { 'accept-encoding': encoding });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.length).toBeLessThan(plain.body.length / 2);
    expect(decompress(res.body).equals(plain.body)).toBe(true);
  });

  it('compresses index.html too', async () => {
    const res = await raw(s.t.url, '/cases', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.body).toString()).toContain('<div id="root">');
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('compresses a large API answer with %s', async (encoding, decompress) => {
    const res = await raw(s.t.url, '/api/docs/openapi.json', { 'accept-encoding': encoding });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(decompress(res.body).toString())).toHaveProperty('openapi');
  });

  it('leaves a small API answer as it is', async () => {
    const res = await raw(s.t.url, '/api/health', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString())).toEqual({ status: 'ok' });
  });

  it('does not inflate a compressed request body (a way round the body limit)', async () => {
    const res = await offContract(s.t, 'POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ email: s.sw.email, password: 'forkert' })),
    });
    // Inflated, this would be a well-formed (if wrong) login: 401.
    expect(res.status).toBe(400);
  });
});
