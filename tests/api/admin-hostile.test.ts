// A hostile pass over every administration route (docs/openapi.json, /api/admin/*): wrong types, unknown and
// malformed ids, huge strings, unpaired surrogates, null bodies and arrays where objects belong are the caller's
// mistakes (4xx), never the server's (5xx). A new admin route is covered as soon as it is in the OpenAPI document.
import fs from 'node:fs';
import { offContract, problem } from '../support/client';
import { staffSuite } from '../support/factories';
import { openApiPath } from '../support/paths';

// The administrator's target: the file's caseworker, and their team.
const s = staffSuite({}, 'admin');

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

const routes = (): { method: Method; path: string }[] => {
  const doc = JSON.parse(fs.readFileSync(openApiPath, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/admin/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method as Method, path })));
};

const LONE = '\ud800';
const HUGE = 'x'.repeat(200_000);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** Values of every wrong kind for one field. */
const wrongValues: unknown[] = [
  null,
  0,
  -1,
  1e308,
  true,
  {},
  [],
  [null],
  [{}],
  ['a', 'a'],
  [UNKNOWN],
  ['not-a-uuid'],
  [`${LONE}`],
  '',
  ' ',
  LONE,
  `Na${LONE}me`,
  `${LONE}${LONE}`,
  `${LONE}@test.tvaers.dk`,
  'not-a-uuid',
  UNKNOWN,
  HUGE,
  'x'.repeat(5000),
  '\u0000',
  'caseworker',
  'admin',
  { id: UNKNOWN },
];

const FIELDS = ['email', 'name', 'roles', 'discipline', 'phone', 'teamIds', 'active', 'municipality', 'password'];

/** A plausible body for the route, so that only the hostile field is wrong. */
const plausible = (path: string): Record<string, unknown> =>
  path === '/api/admin/teams'
    ? { name: `Hold ${Date.now()}` }
    : path === '/api/admin/staff'
      ? {
          email: `hostil-${Date.now()}-${Math.random().toString(36).slice(2)}@test.tvaers.dk`,
          name: 'Hanne Hostil',
          roles: ['caseworker'],
          discipline: 'social',
          teamIds: [s.sw.teams[0].id],
        }
      : { name: 'Hanne Hostil' };

function bodies(path: string): unknown[] {
  const base = plausible(path);
  const whole: unknown[] = [null, [], [base], 'tekst', 42, true, {}, { ...base, extra: LONE }];
  const perField = FIELDS.flatMap((field) => wrongValues.map((v) => ({ ...plausible(path), [field]: v })));
  return [...whole, ...perField];
}

const idValues = (): string[] => [
  s.sw.id,
  UNKNOWN,
  'not-a-uuid',
  '1',
  '%ED%A0%80',
  '%00',
  'x'.repeat(3000),
  `${s.sw.id}%20`,
  s.sw.id.toUpperCase(),
];

interface Answer {
  route: string;
  body: string;
  status: number;
}

/** These bytes as they come (malformed ids and encodings included), as the administrator. */
async function send(method: Method, url: string, raw: string | undefined, contentType = 'application/json') {
  const headers = { cookie: s.admin.cookie, ...(raw === undefined ? {} : { 'content-type': contentType }) };
  return (await offContract(s.t, method.toUpperCase() as Uppercase<Method>, url, { headers, body: raw })).status;
}

it('answers every hostile administration request with 4xx (or success), never 5xx', async () => {
  const list = routes();
  expect(list.length).toBeGreaterThanOrEqual(6);
  const fivexx: Answer[] = [];
  let sent = 0;
  for (const { method, path } of list) {
    const urls = path.includes('{id}') ? idValues().map((id) => path.replace('{id}', id)) : [path];
    for (const url of urls) {
      // Every body against the real person (or the collection); each malformed id with a plausible body.
      const everyBody = !path.includes('{id}') || url.includes(s.sw.id);
      const payloads: (string | undefined)[] =
        method === 'get'
          ? [undefined]
          : everyBody
            ? [undefined, '', '{', 'null', '"\\ud800"', ...bodies(path).map((b) => JSON.stringify(b))]
            : [undefined, JSON.stringify(plausible(path))];
      for (const raw of payloads) {
        const status = await send(method, `${url}?teamId=%ED%A0%80&x=${'y'.repeat(2000)}`, raw);
        sent += 1;
        if (status >= 500) {
          fivexx.push({
            route: `${method.toUpperCase()} ${url.slice(0, 80)}`,
            body: (raw ?? '').slice(0, 120),
            status,
          });
        }
      }
      if (method !== 'get') {
        for (const [raw, type] of [
          ['name=x', 'application/x-www-form-urlencoded'],
          ['{"name":"x"}', 'text/plain'],
          ['\u0000', 'application/json'],
        ] as const) {
          const status = await send(method, url, raw, type);
          sent += 1;
          if (status >= 500) fivexx.push({ route: `${method.toUpperCase()} ${url.slice(0, 80)}`, body: raw, status });
        }
      }
    }
  }
  expect(sent).toBeGreaterThan(1000);
  expect(fivexx).toEqual([]);
}, 300_000);

it('keeps an unpaired surrogate out of names: 400, not a stored replacement character', async () => {
  const res = await problem(s.admin.api.admin.updateStaff(s.sw.id, { name: `Na${LONE}me` }));
  expect(res.status).toBe(400);
  const team = await problem(s.admin.api.admin.createTeam({ name: `Hold ${LONE}${LONE}` }));
  expect(team.status).toBe(400);
});
