// One CSV: every table the web offers as CSV is made by the API through the one writer
// (BOM, semicolons, CRLF, formula cells kept as text), from its JSON route's query, with its access rules and
// access-log rows.
import { localDate, worstFirst } from '@tvaers/domain';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { apiClient, expectProblem } from '../support/client';
import { createCitizen, createStaff, createTeam, type Staff, type Team } from '../support/factories';
import { auditCount } from '../support/audit';

let t: TestApp;
let ds: DataSource;
let team: Team;
const who = {} as Record<'manager' | 'caseworker' | 'social' | 'health' | 'admin' | 'otherManager', Staff>;
/** Citizen names a spreadsheet would run as formulas. */
const HOSTILE = ['=HYPERLINK("http://evil.example")', '+1', '-2', '@SUM(A1)'];
const queued: { caseId: string; citizenId: string; name: string }[] = [];
let overridden: { caseId: string; citizenId: string };
/** Copenhagen's date, as the files write it. */
const today = localDate(new Date());
const CASELOAD = [
  '/api/caseload/load.csv',
  '/api/caseload/overrides.csv',
  '/api/caseload/queue.csv',
  '/api/caseload/days-over-ceiling.csv',
] as const;
const OUTCOME = ['/api/outcomes/progress.csv', '/api/outcomes/closures.csv', '/api/outcomes/contact.csv'] as const;
type CsvPath = (typeof CASELOAD)[number] | (typeof OUTCOME)[number];
/** Each file's query: the caseload files are the team's, the outcome files the team's in a period. */
const queryOf = (path: CsvPath): Record<string, string> =>
  path.startsWith('/api/caseload/') ? { teamId: team.id } : { teamId: team.id, from: '2026-01-01', to: today };

beforeAll(async () => {
  t = await startTestApp();
  ds = t.app.get(DataSource);
  team = await createTeam(t);
  const teams = [team];
  who.manager = await createStaff(t, { kind: 'manager', teams });
  who.caseworker = await createStaff(t, { teams, ceiling: 1 });
  who.social = await createStaff(t, { kind: 'social', teams });
  who.health = await createStaff(t, { kind: 'health', teams });
  who.admin = await createStaff(t, { kind: 'admin', teams });
  who.otherManager = await createStaff(t, { kind: 'manager' });
  const cw = who.caseworker;
  const newCase = async (name: string, responsibleId?: string) => {
    const citizen = await createCitizen(t, cw.cookie, { name });
    const kase = await cw.api.cases.create({
      citizenId: citizen.id,
      ...(responsibleId ? { responsibleId } : {}),
      weight: 1,
    });
    return { caseId: kase.id, citizenId: citizen.id, name };
  };
  // A case closed with a job in the period, for the outcome figures.
  const closed = await newCase('-Afsluttet', cw.id);
  await cw.api.cases.update(closed.caseId, { status: 'closed', closeReason: 'I job', closeOutcome: 'job' });
  // The caseworker is full (ceiling 1); four hostile names wait in the queue.
  await newCase('Fuld Borger', cw.id);
  for (const name of HOSTILE) queued.push(await newCase(name));
  // A manager lets one more past the ceiling, with a reason that looks like a formula.
  overridden = await newCase('@Overskredet');
  await who.manager.api.cases.assign(overridden.caseId, { staffId: cw.id, override: { reason: '=1+1' } });
});
afterAll(() => t.close());

/** A file as it comes over the wire (BOM kept), with its query or these changes to it; no cookie: anonymous. */
const csv = (path: CsvPath, cookie?: string, query: Record<string, string> = {}) =>
  apiClient(t, cookie).wire('get', path, { query: { ...queryOf(path), ...query } });

/** The file's lines after the BOM, checked to be Danish-Excel CSV: BOM, CRLF after every line. */
async function lines(path: CsvPath, fileName: RegExp): Promise<string[]> {
  const res = await csv(path, who.manager.cookie);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
  expect(res.headers.get('content-disposition')).toMatch(fileName);
  // Personal data: no browser or proxy keeps a copy.
  expect(res.headers.get('cache-control')).toBe('no-store');
  const body = res.body as string;
  expect(body.charCodeAt(0)).toBe(0xfeff);
  expect(body.endsWith('\r\n')).toBe(true);
  expect(body.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  return body.slice(1, -2).split('\r\n');
}

/** No cell starts with a formula character (a quoted cell's text included). */
const noFormula = (rows: string[]) => rows.flatMap((row) => row.split(';')).filter((cell) => /^"?[=+\-@]/.test(cell));

const slug = () => team.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const auditRows = (citizenId: string, action: string) => auditCount(ds, { actorId: who.manager.id, citizenId, action });

describe('caseload CSVs', () => {
  it('load.csv: the dashboard’s columns, the JSON route’s rows', async () => {
    const json = await who.manager.api.caseload.get(team.id);
    const [header, ...rows] = await lines(
      '/api/caseload/load.csv',
      new RegExp(`^attachment; filename="belastning-${slug()}\\.csv"$`),
    );
    expect(header).toBe('Medarbejder;Faglighed;Aktive sager;Belastning;Loft;Eget loft;Udnyttelse (%);Status');
    const label = { employment: 'Beskæftigelse', health: 'Sundhed', social: 'Social' };
    const status = { ok: 'Under loftet', near: 'Tæt på loftet', over: 'Over loftet' };
    expect(rows).toEqual(
      worstFirst(json.rows).map((r) =>
        [
          r.name,
          label[r.discipline],
          r.activeCases,
          // Danish Excel reads a decimal comma.
          String(r.load).replace('.', ','),
          r.ceiling ?? '',
          r.personalCeiling ?? '',
          r.utilization === null ? '' : Math.round(r.utilization * 100),
          r.ceiling === null ? 'Intet loft' : status[r.status],
        ].join(';'),
      ),
    );
    expect(rows).toContain(`${who.caseworker.name};Beskæftigelse;2;2;1;1;200;Over loftet`);
  });

  it('queue.csv: the queue page’s columns, formula names kept as text, one access-log row per citizen', async () => {
    const before = await Promise.all(queued.map((q) => auditRows(q.citizenId, 'caseload.queue.list')));
    const [header, ...rows] = await lines('/api/caseload/queue.csv', /^attachment; filename="visitering-.+\.csv"$/);
    expect(header).toBe('Borger;Ydelse;Vægt;Venter siden;Dage');
    expect(rows.sort()).toEqual(
      [
        `"'=HYPERLINK(""http://evil.example"")";Kontanthjælp;1;${today};0`,
        `'+1;Kontanthjælp;1;${today};0`,
        `'-2;Kontanthjælp;1;${today};0`,
        `'@SUM(A1);Kontanthjælp;1;${today};0`,
      ].sort(),
    );
    expect(noFormula(rows)).toEqual([]);
    const after = await Promise.all(queued.map((q) => auditRows(q.citizenId, 'caseload.queue.list')));
    expect(after).toEqual(before.map((n) => n + 1));
    // The same rows as the JSON route.
    expect((await who.manager.api.caseload.get(team.id)).queue.map((q) => q.citizenName).sort()).toEqual(
      [...HOSTILE].sort(),
    );
  });

  it('overrides.csv: who let which case past a ceiling and why, formulas kept as text, audited', async () => {
    const json = await who.manager.api.caseload.get(team.id);
    const before = await auditRows(overridden.citizenId, 'caseload.overrides.list');
    const [header, ...rows] = await lines(
      '/api/caseload/overrides.csv',
      /^attachment; filename="overskridelser-.+\.csv"$/,
    );
    expect(header).toBe('Tidspunkt;Borger;Ændring;Fra;Til;Godkendt af;Begrundelse');
    expect(rows).toHaveLength(json.overrides.length);
    expect(rows).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d;'@Overskredet;Tildelt sag;Ingen \\(ny sag eller fra visiteringen\\);${who.caseworker.name};${who.manager.name};'=1\\+1$`,
        ),
      ),
    ]);
    expect(noFormula(rows)).toEqual([]);
    // The overrides name citizens: each shown one is in its access log, for the JSON route and the file alike.
    expect(await auditRows(overridden.citizenId, 'caseload.overrides.list')).toBe(before + 1);
    expect(before).toBeGreaterThan(0);
  });

  it('days-over-ceiling.csv: each person’s days over their ceiling, as the figures count them', async () => {
    const figures = await who.manager.api.caseload.figures(team.id);
    const [header, ...rows] = await lines(
      '/api/caseload/days-over-ceiling.csv',
      /^attachment; filename="dage-over-loft-.+\.csv"$/,
    );
    expect(header).toBe('Medarbejder;Dage over loftet');
    expect(rows).toEqual(figures.daysOverCeiling.map((d) => `${d.name};${d.days}`));
    expect(rows).toContain(`${who.caseworker.name};1`);
  });
});

describe('outcome CSVs', () => {
  const outcomes = () => who.manager.api.outcomes({ teamId: team.id, from: '2026-01-01', to: today });

  it('progress.csv, closures.csv and contact.csv: the page’s tables, each citizen counted logged once per file', async () => {
    const o = await outcomes();
    const before = await auditRows(overridden.citizenId, 'outcomes.read');
    const file = (name: string) => new RegExp(`^attachment; filename="${name}-2026-01-01-${today}\\.csv"$`);

    const progress = await lines('/api/outcomes/progress.csv', file('progression'));
    expect(progress[0]).toBe('Udvikling;Borgerens vurdering;Sagsbehandlerens vurdering');
    const trend = { rose: 'Steget', held: 'Uændret', fell: 'Faldet', unknown: 'Kan ikke vurderes' };
    expect(progress.slice(1)).toEqual(
      (['rose', 'held', 'fell', 'unknown'] as const).map(
        (k) => `${trend[k]};${o.progress.citizen[k].count};${o.progress.caseworker[k].count}`,
      ),
    );

    const closures = await lines('/api/outcomes/closures.csv', file('afsluttede-sager'));
    expect(closures[0]).toBe('Kvartal;Udfald;Antal sager;Median dage fra start');
    expect(o.closures.rows).toEqual([expect.objectContaining({ outcome: 'job', count: 1, medianDays: 0 })]);
    expect(closures.slice(1)).toEqual([`${o.closures.rows[0].quarter.replace('-Q', ' K')};Job;1;0`]);

    const contact = await lines('/api/outcomes/contact.csv', file('kontaktplan'));
    expect(contact).toEqual([
      'Kontaktplan;Antal borgere',
      `Overholdt;${o.contact.kept.count}`,
      `Ikke overholdt;${o.contact.notKept.count}`,
      `Ingen kontaktplan;${o.contact.noPlan.count}`,
    ]);

    // Audited as the figures are: one row per citizen counted, per file.
    expect(await auditRows(overridden.citizenId, 'outcomes.read')).toBe(before + 3);
  });
});

describe('who may download', () => {
  it('refuses other roles with 403 (never an empty file), another team’s manager with 404', async () => {
    for (const path of [...CASELOAD, ...OUTCOME]) {
      for (const role of ['caseworker', 'social', 'health', 'admin'] as const) {
        const res = await csv(path, who[role].cookie);
        const type = res.headers.get('content-type')?.split(';')[0];
        expect({ path, role, status: res.status, type }).toEqual({
          path,
          role,
          status: 403,
          type: 'application/problem+json',
        });
      }
      expect({ path, status: (await csv(path, who.otherManager.cookie)).status }).toEqual({ path, status: 404 });
      expect({ path, status: (await csv(path)).status }).toEqual({ path, status: 401 });
    }
  });

  it('answers a bad query with a 400 problem naming the field', async () => {
    const bad = [
      ...CASELOAD.map((path) => ({ path, query: { teamId: 'nope' }, field: 'teamId' })),
      ...OUTCOME.map((path) => ({ path, query: { from: '2026-03-01', to: '2026-01-01' }, field: 'to' })),
    ];
    for (const { path, query, field } of bad) {
      const res = await csv(path, who.manager.cookie, query);
      const paths = expectProblem(res, 400).errors?.map((e) => e.path);
      expect({ path, paths }).toEqual({ path, paths: [field] });
    }
  });
});
