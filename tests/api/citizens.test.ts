import { apiClient, invalid, problem } from '../support/client';
import { createCitizen, staffSuite, uniqueCpr } from '../support/factories';

// A team of this file's own: a caseworker, a manager, and colleagues from social and health.
const s = staffSuite({}, 'manager', 'social', 'health');

const unknown = '00000000-0000-4000-8000-000000000000';
const newCitizen = (extra = {}) => createCitizen(s.t, s.sw.cookie, extra);

describe('citizens', () => {
  it('creates a citizen with a masked CPR and stores no clear CPR', async () => {
    const c = await newCitizen();
    expect(c.cprMasked).toBe(`${c.cpr.slice(0, 6)}-XXXX`);
    expect(JSON.stringify({ ...c, cpr: undefined })).not.toContain(c.cpr.slice(6));
    const ds = s.ds;
    const dump = JSON.stringify(await ds.query(`SELECT * FROM citizen WHERE id = $1`, [c.id]));
    expect(dump).not.toContain(c.cpr);
    const [raw] = await ds.query<{ e: string }[]>(
      `SELECT encode(cpr_encrypted, 'escape') AS e FROM citizen WHERE id = $1`,
      [c.id],
    );
    expect(raw.e).not.toContain(c.cpr);
  });

  it.each([
    ['1234', 'format'],
    ['3102901234', 'date'],
    ['2902011234', 'date'],
    ['0101304999', 'future'],
  ])('rejects CPR %s (%s) with 400 naming cpr', async (cpr) => {
    const res = await problem(s.api.citizens.create({ cpr, name: 'X', benefit: 'dagpenge' }));
    expect(res).toMatchObject({ status: 400, paths: ['cpr'] });
  });

  it('names every bad field', async () => {
    const res = await problem(
      s.api.citizens.create(invalid({ cpr: uniqueCpr(), name: '', benefit: 'løn', email: 'nope' })),
    );
    expect(res).toMatchObject({ status: 400, paths: ['benefit', 'email', 'name'] });
  });

  it('answers a known CPR with 409 CITIZEN_EXISTS', async () => {
    const c = await newCitizen();
    const res = await problem(
      s.api.citizens.create({ cpr: `${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`, name: 'Dublet', benefit: 'dagpenge' }),
    );
    expect(res).toMatchObject({ status: 409, code: 'CITIZEN_EXISTS' });
  });

  it('finds a citizen by exact CPR', async () => {
    const c = await newCitizen();
    expect((await s.api.citizens.search({ q: c.cpr })).items.map((x) => x.id)).toEqual([c.id]);
  });

  it('finds a citizen by part of the name, in any case', async () => {
    const c = await newCitizen({ name: `Ulrikke Søndergaard-Test ${uniqueCpr()}` });
    expect((await s.api.citizens.search({ q: 'søndergaard-te' })).items.map((x) => x.id)).toContain(c.id);
  });

  it('never answers a search with a full CPR', async () => {
    const c = await newCitizen();
    for (const q of [c.cpr, c.name, undefined]) {
      const text = JSON.stringify(await s.api.citizens.search({ q }));
      expect(text).not.toContain(c.cpr);
      expect(text).not.toContain(`${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`);
    }
  });

  it('needs a reason to reveal a CPR', async () => {
    const c = await newCitizen();
    expect(await problem(s.api.citizens.revealCpr(c.id, invalid({})))).toMatchObject({
      status: 400,
      paths: ['reason'],
    });
  });

  it('reveals a CPR with a reason and logs the purpose', async () => {
    const c = await newCitizen();
    expect(await s.api.citizens.revealCpr(c.id, { reason: 'Brev til borger' })).toEqual({ cpr: c.cpr });
    const log = await s.manager.api.citizens.accessLog(c.id);
    expect(log.items.find((e) => e.action === 'citizen.reveal_cpr')).toMatchObject({
      purpose: 'Brev til borger',
      actor: { kind: 'staff' },
    });
  });

  it('shows the access log to a s.manager, not to a caseworker (403)', async () => {
    const c = await newCitizen();
    await s.manager.api.citizens.accessLog(c.id);
    expect((await problem(s.api.citizens.accessLog(c.id))).status).toBe(403);
  });

  it('answers an unknown citizen id with 404', async () => {
    expect((await problem(s.api.citizens.get(unknown))).status).toBe(404);
  });

  it('needs a session to search citizens (401)', async () => {
    expect((await problem(apiClient(s.t).citizens.search())).status).toBe(401);
  });

  it('records a consent with who recorded it', async () => {
    const c = await newCitizen();
    const given = await s.api.citizens.setConsent(c.id, 'health_in_unit', { given: true });
    expect(given).toMatchObject({ scope: 'health_in_unit', given: true, recordedBy: { id: s.sw.id } });
  });

  it('withdraws a consent', async () => {
    const c = await newCitizen();
    await s.api.citizens.setConsent(c.id, 'health_in_unit', { given: true });
    const withdrawn = await s.api.citizens.setConsent(c.id, 'health_in_unit', { given: false });
    const someInstant: unknown = expect.any(String);
    expect(withdrawn).toMatchObject({ given: false, withdrawnAt: someInstant });
  });

  it('lists every consent scope', async () => {
    const c = await newCitizen();
    expect((await s.api.citizens.consents(c.id)).items.map((x) => x.scope).sort()).toEqual([
      'health_in_unit',
      'plan_excerpt_to_doctor',
    ]);
  });

  it('answers an unknown consent scope with 404', async () => {
    const c = await newCitizen();
    const res = await problem(s.api.citizens.setConsent(c.id, invalid('everything'), { given: true }));
    expect(res.status).toBe(404);
  });
});

describe('citizen search in pages', () => {
  const stem = `Pagineret ${uniqueCpr()}`;
  const ids = new Set<string>();
  beforeAll(async () => {
    // Namesakes among them: the id orders them, the same on every page.
    for (let i = 0; i < 105; i += 1) {
      ids.add((await newCitizen({ name: i % 5 === 0 ? `${stem} Samme` : `${stem} ${String(i).padStart(3, '0')}` })).id);
    }
  }, 120_000);

  it('gives every match exactly once, by name, with the total of all matches', async () => {
    const seen: { id: string; name: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await s.api.citizens.search({ q: stem, cursor });
      expect(page.total).toBe(105);
      expect(page.items.length).toBe(page.nextCursor === null ? 5 : 50);
      seen.push(...page.items.map((c) => ({ id: c.id, name: 'name' in c ? c.name : '' })));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen.map((c) => c.id))).toEqual(ids);
    expect(seen).toHaveLength(105);
    const bigger = await s.api.citizens.search({ q: stem, limit: 100 });
    const rest = await s.api.citizens.search({ q: stem, limit: 100, cursor: bigger.nextCursor! });
    expect([...bigger.items, ...rest.items].map((c) => c.id)).toEqual(seen.map((c) => c.id));
    expect(rest.nextCursor).toBeNull();
  });

  it('answers an exact CPR as one page', async () => {
    const c = await newCitizen();
    expect(await s.api.citizens.search({ q: c.cpr })).toMatchObject({
      items: [{ id: c.id }],
      total: 1,
      nextCursor: null,
    });
  });

  it('refuses a page larger than 100 and a cursor it did not give out (400)', async () => {
    expect(await problem(s.api.citizens.search(invalid({ q: stem, limit: '101' })))).toMatchObject({
      status: 400,
      paths: ['limit'],
    });
    for (const cursor of ['forged', Buffer.from('["Ane","not-a-uuid"]').toString('base64url')]) {
      expect(await problem(s.api.citizens.search({ q: stem, cursor }))).toMatchObject({
        status: 400,
        paths: ['cursor'],
      });
    }
  });

  it("writes access-log rows for the page's citizens only", async () => {
    const ds = s.ds;
    const [{ max }] = await ds.query<{ max: string | null }[]>(`SELECT max(id)::text AS max FROM audit_entry`);
    const page = await s.api.citizens.search({ q: stem, limit: 20 });
    const rows = await ds.query<{ citizen_id: string }[]>(
      `SELECT citizen_id FROM audit_entry WHERE actor_id = $1 AND action = 'citizen.search' AND id > $2`,
      [s.sw.id, max ?? 0],
    );
    expect(rows.map((r) => r.citizen_id).sort()).toEqual(page.items.map((c) => c.id).sort());
  });
});
