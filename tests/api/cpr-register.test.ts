// Registering a CPR the unit knows: one answer whichever team has the citizen, nothing of the citizen in it,
// and the attempt in that citizen's access log.
import { problem, type WireResponse } from '../support/client';
import { createCase, createCitizen, createStaff, type Staff, staffSuite } from '../support/factories';

const s = staffSuite();
let b: Staff;
beforeAll(async () => {
  b = await createStaff(s.t); // another team than the suite's caseworker
});

const register = (staff: Staff, cpr: string) =>
  staff.api.wire('post', '/api/citizens', { body: { cpr, name: 'Ny Borger', benefit: 'kontanthjaelp' } });

/** Status and body with what varies per request (the trace id) left out. */
const shape = (res: WireResponse) => {
  const { traceId: _t, instance: _i, ...body } = res.body as Record<string, unknown>;
  return { status: res.status, body };
};

it("answers another team's CPR exactly as one of the actor's own team, audited on that citizen", async () => {
  const { citizen } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
  const own = await createCitizen(s.t, b.cookie);
  const elsewhere = shape(await register(b, citizen.cpr));
  const ours = shape(await register(b, own.cpr));
  expect(elsewhere).toEqual(ours);
  expect(elsewhere).toMatchObject({ status: 409, body: { code: 'CITIZEN_EXISTS' } });
  expect(JSON.stringify(elsewhere)).not.toContain(citizen.name);
  const rows = await s.ds.query<{ actor_id: string }[]>(
    `SELECT actor_id FROM audit_entry WHERE citizen_id = $1 AND action = 'citizen.create.exists'`,
    [citizen.id],
  );
  expect(rows).toEqual([{ actor_id: b.id }]);
  // b still cannot read the citizen.
  expect((await problem(b.api.citizens.get(citizen.id))).status).toBe(404);
});
