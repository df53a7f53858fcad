import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../support/app';
import { createStaff, createTeam } from '../support/factories';

/**
 * Every operation of the contract gets generated bad requests: wrong types, huge and deep values, prototype
 * keys, SQL and script fragments, malformed JSON, NUL, unpaired surrogates, bad dates and bad path ids.
 * Nothing may answer 5xx, no row may change, and the server stays healthy. `npm test` runs this file alone, on a
 * database of its own: the row check covers the whole database, which other files change meanwhile.
 */
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; schema?: Schema }[];
  requestBody?: { content?: { 'application/json'?: { schema?: Schema } } };
}
const openapi = JSON.parse(fs.readFileSync(path.join(__dirname, '../../docs/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** Would end the very sessions the test sends with. */
const SKIPPED = new Set(['POST /api/auth/logout', 'POST /api/auth/sessions/logout-all']);
const operations = Object.entries(openapi.paths).flatMap(([route, ops]) =>
  Object.entries(ops)
    .filter(([m]) => METHODS.includes(m) && !SKIPPED.has(`${m.toUpperCase()} ${route}`))
    .map(([m, op]) => ({ method: m.toUpperCase(), route, op })),
);
const PER_OPERATION = 70;

const seed = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
const fragments = [
  "' OR 1=1 --",
  "'); DROP TABLE citizen; --",
  '1; SELECT pg_sleep(10)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '=HYPERLINK("http://evil.example")',
  '9999-99-99',
  '2026-02-30',
  '2026-13-01T25:61:00Z',
  '-infinity',
  'NaN',
  '1e309',
  '__proto__',
  'constructor',
  '',
  ' ',
  '\u202e\u200b',
];
const unstorable = ['\u0000', 'angst \ud800 x', '\udfff', 'a\u0000b'];
const hostileString = fc.oneof(
  fc.constantFrom(...fragments),
  fc.constantFrom(...fragments).map((f) => f + unstorable[f.length % unstorable.length]),
  fc.constantFrom(...unstorable),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 50_000 }).map((n) => 'x'.repeat(n)),
);
const deep = (n: number): unknown => (n === 0 ? 'bund' : { a: [deep(n - 1)] });
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 2 ** 53 + 1, 0.1),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.nat({ max: 5_000 }).map((n) => Array.from({ length: n }, () => 'y')),
  fc.integer({ min: 5, max: 30 }).map(deep),
  fc.anything({ maxDepth: 3, withNullPrototype: true }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'), fc.anything({ maxDepth: 2 })),
);
/** A value no field of this schema type accepts. */
const wrongFor = (s: Schema | undefined): fc.Arbitrary<unknown> => {
  switch (s?.type) {
    case 'string':
      return fc.constantFrom(42, true, [], { a: 1 }, [['x']]);
    case 'number':
    case 'integer':
      return fc.constantFrom('12', 'abc', true, [], { n: 1 }, 'NaN');
    case 'boolean':
      return fc.constantFrom('true', 1, 0, [], {});
    case 'array':
      return fc.constantFrom('x', 5, { 0: 'a' }, true);
    case 'object':
      return fc.constantFrom('x', 5, [], true);
    case undefined:
    default:
      return fc.constantFrom(...unstorable);
  }
};

/** Raw bodies: not JSON, not an object, too deep, prototype keys, NUL and surrogates as JSON escapes. */
const rawBody = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":}',
    "{'a':1}",
    '{"a":1,}',
    'null',
    '[]',
    '"text"',
    '42',
    'true',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '{"a":"\\u0000"}',
    '{"a":"\\ud800"}',
    '{"\\ud800":1}',
    '{"a":1}\u0000',
    '\ufeff{}',
    '{"a":1}{"b":2}',
    '{"a":NaN}',
    '{"a":1e999999}',
  ),
  fc.integer({ min: 33, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.string({ maxLength: 60 }),
);

/** An object body that cannot be valid: every field wrong, or one of them unstorable. */
const objectBody = (s: Schema): fc.Arbitrary<string> => {
  const props = Object.entries(s.properties ?? {});
  const extra = fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 3 });
  const allWrong = fc.record(Object.fromEntries(props.map(([k, p]) => [k, wrongFor(p)])));
  const oneUnstorable = fc.tuple(
    fc.record(Object.fromEntries(props.map(([k]) => [k, hostileValue]))),
    fc.constantFrom(...unstorable),
    fc.nat(),
  );
  return fc.oneof(
    fc.tuple(allWrong, extra).map(([b, x]) => JSON.stringify({ ...x, ...b })),
    oneUnstorable.map(([b, bad, i]) => {
      const key = props.length ? props[i % props.length][0] : 'x';
      return JSON.stringify({ ...b, [key]: bad });
    }),
  );
};

const badPathParam = fc.oneof(
  fc.uuid().map(String),
  fc.constantFrom('x', '0', '-1', '%00', '%ED%A0%80', '..%2F..%2Fetc', "'%20OR%201=1", 'null', 'undefined'),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  fc.nat({ max: 5000 }).map((n) => 'a'.repeat(n + 1)),
);
const queryValue = fc.oneof(hostileString, fc.constantFrom('2026-02-30', 'tomorrow', '-1', '1e400', 'true'));

/** A URL cannot carry a lone surrogate: it goes as the bytes of one (invalid UTF-8), like a hostile client's. */
const encode = (s: string) => encodeURIComponent(s.replace(/\p{Cs}/gu, '\uFFFD')).replaceAll('%EF%BF%BD', '%ED%A0%80');

interface Req {
  method: string;
  url: string;
  body?: string;
  who: Role;
}
type Role = 'caseworker' | 'health' | 'manager' | 'admin' | 'none';
const ROLES: Role[] = ['caseworker', 'health', 'manager', 'admin', 'none'];

function requestsFor({ method, route, op }: (typeof operations)[number], n: number): Req[] {
  const params = op.parameters ?? [];
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const mutating = method !== 'GET';
  const reqArb = fc.record({
    path: fc.tuple(...params.filter((p) => p.in === 'path').map(() => badPathParam), fc.constant(0)),
    query: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...params.filter((p) => p.in === 'query').map((p) => p.name), 'q'), fc.string()),
        queryValue,
      ),
      { maxLength: 4 },
    ),
    body: mutating ? (bodySchema ? fc.oneof(objectBody(bodySchema), rawBody) : rawBody) : fc.constant(undefined),
    who: fc.constantFrom(...ROLES),
  });
  return fc.sample(reqArb, { numRuns: n, seed: seed + route.length + method.length }).map((r) => {
    let i = 0;
    const pathPart = route.replace(/\{[^}]+\}/g, () => String(r.path[i++]));
    const qs = r.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
    return { method, url: qs ? `${pathPart}?${qs}` : pathPart, body: r.body, who: r.who };
  });
}

let t: TestApp;
let db: Client;
const cookies: Partial<Record<Role, string>> = {};
beforeAll(async () => {
  t = await startTestApp();
  db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
  const team = await createTeam(t);
  for (const kind of ['caseworker', 'health', 'manager', 'admin'] as const) {
    cookies[kind] = (await createStaff(t, { kind, teams: [team] })).cookie;
  }
});
afterAll(async () => {
  await db.end();
  await t.close();
});

/** Rows that legitimately change on any request: the access log, sessions, throttles and the job queue. */
const VOLATILE = /access_log|audit|session|throttle|attempt|job|migration|lock/;
async function checksum(): Promise<Record<string, string>> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: name } of tables.rows.filter((r) => !VOLATILE.test(r.table_name))) {
    const { rows } = await db.query<{ n: string; h: string }>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`,
    );
    out[name] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

async function send(r: Req): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  if (r.who !== 'none') headers.cookie = cookies[r.who]!;
  if (r.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.url}${r.url}`, { method: r.method, headers, body: r.body });
  const text = await res.text();
  return { status: res.status, text };
}

it(`answers ${operations.length} operations' generated bad requests without a 5xx or a changed row`, async () => {
  const before = await checksum();
  const all = operations.flatMap((o) => requestsFor(o, PER_OPERATION));
  expect(all.length).toBeGreaterThanOrEqual(5000);
  const failures: string[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < all.length) {
      const r = all[next++];
      // The server may refuse an oversized body by closing the connection (413 before reading it): a refusal.
      const res = await send(r).catch((err: Error) => {
        if (
          /other side closed|ECONNRESET|EPIPE/.test(String((err.cause as Error | undefined)?.message ?? err.message))
        ) {
          return { status: 0, text: '' };
        }
        throw err;
      });
      if (res.status >= 500) {
        failures.push(`${r.method} ${r.url.slice(0, 200)} as ${r.who} ${String(r.body).slice(0, 200)} → ${res.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The figures for the record (seed to replay: FC_SEED).
  process.stdout.write(`hostile input: ${all.length} requests in ${seconds.toFixed(1)} s, seed ${seed}\n`);
  expect(failures.slice(0, 20)).toEqual([]);
  expect(await checksum()).toEqual(before);
  expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
}, 240_000);

it('answers bad payloads to every socket event with a refusal or not at all, and stays connected', async () => {
  const s = await t.connect({ cookie: cookies.caseworker! });
  const idValue = fc.oneof(hostileValue, badPathParam);
  const payload = fc.oneof(
    hostileValue,
    fc.record({ caseId: idValue, meetingId: idValue, update: hostileValue }, { requiredKeys: [] }),
  );
  const acked = ['plan:join', 'meeting:join', 'meeting:notes', 'meeting:notes:sync'];
  let sent = 0;
  try {
    for (const event of [...acked, 'plan:leave', 'meeting:leave']) {
      for (const body of fc.sample(payload, { numRuns: 60, seed: seed + event.length })) {
        sent++;
        if (!acked.includes(event)) {
          s.emit(event, body);
          continue;
        }
        const ack = (await s.timeout(5000).emitWithAck(event, body)) as { ok: boolean; code?: string };
        expect([event, ack.ok]).toEqual([event, false]);
        expect(ack.code).toMatch(/^[A-Z_]+$/);
      }
    }
    // Still connected and answering: a join of an unknown meeting is refused, not dropped.
    expect(s.connected).toBe(true);
    const ack = (await s.timeout(5000).emitWithAck('meeting:join', { meetingId: crypto.randomUUID() })) as {
      ok: boolean;
    };
    expect(ack.ok).toBe(false);
  } finally {
    s.close();
  }
  process.stdout.write(`hostile socket payloads: ${sent}\n`);
  expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
});
