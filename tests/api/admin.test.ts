// Staff administration: administrators only; every change audited with no citizen;
// deactivation ends the person's sessions and open sockets at once; one-time set-password links.
import { SchedulerRegistry } from '@nestjs/schedule';
import { socketsPerTest } from '../support/app';
import { disconnected, stillOpen } from '../support/wait';
import { apiClient, invalid, problem } from '../support/client';
import { createCase, createStaff, createTeam, staffSuite } from '../support/factories';

const s = staffSuite({}, 'admin');
const connect = socketsPerTest(() => s.t);

beforeAll(() => {
  // No periodic re-check of sockets in this app: a socket that closes was closed by the change under test, at
  // once, not by a later scheduled run.
  s.t.app.get(SchedulerRegistry).deleteInterval('socket-revalidate');
});

let seq = 0;
const email = () => `ny-${Date.now()}-${(seq += 1)}@test.tvaers.dk`;
/** The token of a link shown to the administrator (this file's app has no mail set up). */
const tokenOf = (path: string | null) => path!.split('/').pop()!;
const PASSWORD = 'en lang og god adgangskode';
/** The status a password login is refused with. */
const loginStatus = async (email: string, password: string) =>
  (await problem(apiClient(s.t).auth.login({ email, password }))).status;

const connected = (cookie: string) => connect({ cookie });
/** The audit rows of staff administration about this person or team, oldest first. */
const auditOf = (entityId: string) =>
  s.ds.query<{ action: string; actor_kind: string; actor_id: string | null; citizen_id: null; details: unknown }[]>(
    `SELECT action, actor_kind, actor_id, citizen_id, details FROM audit_entry WHERE entity_id = $1 ORDER BY id`,
    [entityId],
  );

/** A new account with a password set through its link, logged in. */
async function newPerson(roles: ('caseworker' | 'manager' | 'admin')[] = ['caseworker'], teamIds: string[] = []) {
  const address = email();
  const account = await s.admin.api.admin.createStaff({
    email: address,
    name: 'Nina Nielsen',
    roles,
    discipline: 'social',
    teamIds,
  });
  const link = await s.admin.api.admin.passwordReset(account.id);
  await apiClient(s.t).auth.setPassword({ token: tokenOf(link.path), password: PASSWORD });
  return { account, cookie: await s.t.login(address, PASSWORD) };
}

describe('only administrators', () => {
  it('answers every other role 403, and an anonymous caller 401', async () => {
    const target = await createStaff(s.t);
    for (const kind of ['caseworker', 'manager', 'health'] as const) {
      const other = (await createStaff(s.t, { kind })).api;
      for (const call of [
        other.admin.staff(),
        other.admin.teams(),
        other.admin.createStaff({ email: email(), name: 'Ikke Tilladt', roles: ['admin'], discipline: 'social' }),
        other.admin.updateStaff(target.id, { roles: ['admin'] }),
        other.admin.passwordReset(target.id),
        other.admin.createTeam({ name: `Hold ${email()}` }),
      ]) {
        expect(await problem(call)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      }
    }
    expect(await problem(apiClient(s.t).admin.staff())).toMatchObject({ status: 401 });
  });
});

describe('staff', () => {
  it('creates a person with roles, discipline and teams, listed with them; a taken e-mail is 409', async () => {
    const team = await createTeam(s.t);
    const address = email();
    const created = await s.admin.api.admin.createStaff({
      email: address.toUpperCase(),
      name: 'Karen Holm',
      roles: ['caseworker'],
      discipline: 'employment',
      teamIds: [team.id],
    });
    expect(created).toMatchObject({
      email: address,
      name: 'Karen Holm',
      roles: ['caseworker'],
      discipline: 'employment',
      teams: [{ id: team.id, name: team.name }],
      active: true,
    });
    expect((await s.admin.api.admin.staff()).items).toContainEqual(created);
    const again = await problem(
      s.admin.api.admin.createStaff({
        email: address,
        name: 'Karen Holm',
        roles: ['caseworker'],
        discipline: 'employment',
      }),
    );
    expect(again).toMatchObject({ status: 409, code: 'STAFF_EMAIL_EXISTS' });
    const badTeam = await problem(
      s.admin.api.admin.createStaff({
        email: email(),
        name: 'Karen Holm',
        roles: ['caseworker'],
        discipline: 'employment',
        teamIds: ['00000000-0000-4000-8000-000000000000'],
      }),
    );
    expect(badTeam).toMatchObject({ status: 400, paths: ['teamIds'] });
    // No password is known until the person sets one.
    expect(await loginStatus(address, PASSWORD)).toBe(401);
    expect(await auditOf(created.id)).toEqual([
      {
        action: 'staff.create',
        actor_kind: 'staff',
        actor_id: s.admin.id,
        citizen_id: null,
        details: { email: address, roles: ['caseworker'], discipline: 'employment', teamIds: [team.id] },
      },
    ]);
  });

  it('keeps a work phone for meeting invitations: set, changed, removed; a malformed one is a 400', async () => {
    const created = await s.admin.api.admin.createStaff({
      email: email(),
      name: 'Per Telefon',
      roles: ['caseworker'],
      discipline: 'employment',
      phone: ' 72 10 45 20 ',
    });
    expect(created.phone).toBe('72 10 45 20');
    expect((await s.admin.api.admin.updateStaff(created.id, { phone: '+45 72104521' })).phone).toBe('+45 72104521');
    expect(await problem(s.admin.api.admin.updateStaff(created.id, { phone: 'ring mig' }))).toMatchObject({
      status: 400,
      paths: ['phone'],
    });
    expect((await s.admin.api.admin.updateStaff(created.id, { phone: null })).phone).toBeNull();
    expect((await s.admin.api.admin.updateStaff(created.id, { name: 'Per Uden Telefon' })).phone).toBeNull();
  });

  it('adds a person to a team and removes them with a teams-only change (it once answered 500)', async () => {
    const [a, b] = [await createTeam(s.t), await createTeam(s.t)];
    const { account } = await newPerson(['caseworker'], [a.id]);
    const added = await s.admin.api.admin.updateStaff(account.id, { teamIds: [a.id, b.id] });
    expect(added.teams.map((team) => team.id).sort()).toEqual([a.id, b.id].sort());
    const removed = await s.admin.api.admin.updateStaff(account.id, { teamIds: [b.id] });
    expect(removed.teams.map((team) => team.id)).toEqual([b.id]);
    expect((await auditOf(account.id)).at(-1)).toMatchObject({
      action: 'staff.update',
      details: { changes: { teamIds: { from: [a.id, b.id].sort(), to: [b.id] } } },
    });
  });

  it('lets nobody change their own roles: an administrator cannot give themself a case role', async () => {
    const refused = await problem(s.admin.api.admin.updateStaff(s.admin.id, { roles: ['admin', 'caseworker'] }));
    expect(refused).toMatchObject({ status: 403 });
    expect(await s.admin.api.auth.me()).toMatchObject({ roles: ['admin'] });
    // Their own name or phone they may still change; the same roles are no change.
    expect((await s.admin.api.admin.updateStaff(s.admin.id, { roles: ['admin'], phone: '72 10 00 01' })).roles).toEqual(
      ['admin'],
    );
  });

  it('administration and case roles go together only when a second administrator grants them, audited', async () => {
    const { account, cookie } = await newPerson(['admin']);
    const own = apiClient(s.t, cookie);
    expect(await problem(own.admin.updateStaff(account.id, { roles: ['admin', 'caseworker'] }))).toMatchObject({
      status: 403,
    });
    const granted = await s.admin.api.admin.updateStaff(account.id, { roles: ['admin', 'caseworker'] });
    expect(granted.roles).toEqual(['admin', 'caseworker']);
    expect(await own.auth.me()).toMatchObject({ roles: ['admin', 'caseworker'] });
    expect((await auditOf(account.id)).at(-1)).toMatchObject({
      action: 'staff.update',
      actor_kind: 'staff',
      actor_id: s.admin.id,
      details: { changes: { roles: { from: ['admin'], to: ['admin', 'caseworker'] } } },
    });
    // Nor may they take the case role away from themself or hand it to themself again.
    expect(await problem(own.admin.updateStaff(account.id, { roles: ['admin'] }))).toMatchObject({ status: 403 });
  });

  it('deactivation hands every active case to the team’s intake queue at once, counted first, audited, live', async () => {
    const team = await createTeam(s.t);
    const manager = await createStaff(s.t, { kind: 'manager', teams: [team] });
    const leaver = await createStaff(s.t, { teams: [team] });
    const colleague = await createStaff(s.t, { teams: [team] });
    const held = [
      await createCase(s.t, leaver.cookie, leaver.id, 1),
      await createCase(s.t, leaver.cookie, leaver.id, 1),
    ];
    const kept = await createCase(s.t, colleague.cookie, colleague.id);
    const row = (id: string) => s.admin.api.admin.staff().then((l) => l.items.find((a) => a.id === id)!);
    expect((await row(leaver.id)).activeCases).toBe(2);
    expect((await row(colleague.id)).activeCases).toBe(1);

    const managerSocket = await connected(manager.cookie);
    type Payload = { teamId: string; rows: { staffId: string; load: number }[] };
    const heard = new Promise<Payload>((resolve) =>
      managerSocket.on('caseload:updated', (p: Payload) => {
        if (p.teamId === team.id) resolve(p);
      }),
    );
    const leaverSocket = await connected(leaver.cookie);
    // What the leaver's page hears, in order: first why, then the close.
    const said: unknown[] = [];
    leaverSocket.on('session:ended', (p: unknown) => said.push(p));
    const gone = new Promise<void>((resolve) =>
      leaverSocket.once('disconnect', (reason) => {
        said.push(reason);
        resolve();
      }),
    );

    expect(await s.admin.api.admin.updateStaff(leaver.id, { active: false })).toMatchObject({
      active: false,
      activeCases: 0,
    });
    // Without a scheduled re-check (see beforeAll) only the deactivation itself can close the socket.
    await gone;
    expect(said).toEqual([{ reason: 'access-ended' }, 'io server disconnect']);
    await heard;

    const caseload = await manager.api.caseload.get(team.id);
    expect(caseload.queue.map((q) => q.caseId).sort()).toEqual(held.map((h) => h.kase.id).sort());
    // Waiting since they came to the queue, not since the case was opened.
    await s.ds.query(`UPDATE "case" SET opened_at = now() - interval '30 days' WHERE id = ANY($1)`, [
      held.map((h) => h.kase.id),
    ]);
    expect((await manager.api.caseload.get(team.id)).queue.map((q) => q.waitingDays)).toEqual([0, 0]);
    for (const { kase, citizen } of held) {
      expect((await manager.api.cases.get(kase.id)).responsibleId).toBeNull();
      expect((await manager.api.cases.assignments(kase.id)).items.at(-1)).toMatchObject({
        fromStaffId: leaver.id,
        toStaffId: null,
        byStaffId: s.admin.id,
        reason: 'Ansvarlig medarbejder deaktiveret',
      });
      const logged = await s.ds.query<{ action: string; actor_id: string; entity_id: string }[]>(
        `SELECT action, actor_id, entity_id FROM audit_entry WHERE citizen_id = $1 AND action = 'case.handover'`,
        [citizen.id],
      );
      expect(logged).toEqual([{ action: 'case.handover', actor_id: s.admin.id, entity_id: kase.id }]);
    }
    expect((await manager.api.cases.get(kept.kase.id)).responsibleId).toBe(colleague.id);
    expect((await auditOf(leaver.id)).at(-1)).toMatchObject({
      action: 'staff.deactivate',
      details: { changes: { active: { from: true, to: false } }, casesToQueue: 2 },
    });
    // A reactivated person gets no cases back: the manager assigns from the queue.
    expect(await s.admin.api.admin.updateStaff(leaver.id, { active: true })).toMatchObject({
      active: true,
      activeCases: 0,
    });
  });

  it('changes roles, discipline and teams: the person acts with them on the next request, audited', async () => {
    const [a, b] = [await createTeam(s.t), await createTeam(s.t)];
    const { account, cookie } = await newPerson(['caseworker'], [a.id]);
    const changed = await s.admin.api.admin.updateStaff(account.id, {
      roles: ['manager'],
      discipline: 'employment',
      teamIds: [b.id],
    });
    expect(changed).toMatchObject({ roles: ['manager'], discipline: 'employment', teams: [{ id: b.id }] });
    expect(await apiClient(s.t, cookie).auth.me()).toMatchObject({
      roles: ['manager'],
      discipline: 'employment',
      teamIds: [b.id],
    });
    const rows = await auditOf(account.id);
    expect(rows.at(-1)).toEqual({
      action: 'staff.update',
      actor_kind: 'staff',
      actor_id: s.admin.id,
      citizen_id: null,
      details: {
        changes: {
          roles: { from: ['caseworker'], to: ['manager'] },
          discipline: { from: 'social', to: 'employment' },
          teamIds: { from: [a.id], to: [b.id] },
        },
      },
    });
    expect(await problem(s.admin.api.admin.updateStaff(account.id, invalid({})))).toMatchObject({ status: 400 });
    expect(
      await problem(s.admin.api.admin.updateStaff('00000000-0000-4000-8000-000000000000', { name: 'Ingen Her' })),
    ).toMatchObject({ status: 404 });
  });

  it('a change of roles closes the open sockets authorised with the old ones', async () => {
    const { account, cookie } = await newPerson(['caseworker']);
    const socket = await connected(cookie);
    const gone = disconnected(socket);
    await s.admin.api.admin.updateStaff(account.id, { roles: ['caseworker', 'manager'] });
    expect(await gone).toBe('io server disconnect');
  });

  it('deactivation ends every session and open socket at once; reactivation lets the person log in again', async () => {
    const { account, cookie } = await newPerson();
    const second = await s.t.login(account.email, PASSWORD);
    const bystander = await createStaff(s.t);
    const [s1, s2, s3] = [await connected(cookie), await connected(second), await connected(bystander.cookie)];
    const gone = Promise.all([disconnected(s1), disconnected(s2)]);
    expect(await s.admin.api.admin.updateStaff(account.id, { active: false })).toMatchObject({ active: false });
    // No revalidation run: the sockets close because the sessions ended.
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    // The sessions' sockets were closed before the change was answered: the bystander's round trip comes back
    // after any close sent to it then.
    expect(await stillOpen(s3)).toBe(true);
    for (const c of [cookie, second]) expect((await problem(apiClient(s.t, c).auth.me())).status).toBe(401);
    expect(await s.ds.query(`SELECT 1 FROM session WHERE staff_id = $1`, [account.id])).toHaveLength(0);
    expect(await loginStatus(account.email, PASSWORD)).toBe(401);
    expect(await problem(s.admin.api.admin.passwordReset(account.id))).toMatchObject({
      status: 409,
      code: 'STAFF_INACTIVE',
    });

    await s.admin.api.admin.updateStaff(account.id, { active: true });
    await s.t.login(account.email, PASSWORD);
    expect((await auditOf(account.id)).map((r) => r.action)).toEqual([
      'staff.create',
      'staff.password.link',
      'staff.password.set',
      'staff.deactivate',
      'staff.reactivate',
    ]);
  });

  it('an administrator may step down while another administrator remains', async () => {
    const { account } = await newPerson(['admin']);
    // The suite's administrator and the demo's remain: this one may be demoted.
    expect(
      await apiClient(s.t, (await newPerson(['admin'])).cookie).admin.updateStaff(account.id, {
        roles: ['caseworker'],
      }),
    ).toMatchObject({ roles: ['caseworker'] });
  });
});

describe('set-password links', () => {
  it('work once, replace the earlier link, expire after 24 hours, and end the other sessions', async () => {
    const { account, cookie } = await newPerson();
    // The API runs in this process, on this clock: the link's expiry is 24 hours after some moment between the
    // readings before and after the request, however long the request took.
    const before = Date.now();
    const first = await s.admin.api.admin.passwordReset(account.id);
    const after = Date.now();
    expect(Date.parse(first.expiresAt)).toBeGreaterThanOrEqual(before + 24 * 3600_000);
    expect(Date.parse(first.expiresAt)).toBeLessThanOrEqual(after + 24 * 3600_000);
    expect(first.path).toMatch(/^\/set-password\/[A-Za-z0-9_-]{43}$/);
    const link = await s.admin.api.admin.passwordReset(account.id);
    const anonymous = apiClient(s.t).auth;
    // The earlier link was replaced.
    expect(await problem(anonymous.setPassword({ token: tokenOf(first.path), password: PASSWORD }))).toMatchObject({
      status: 400,
      code: 'PASSWORD_LINK_INVALID',
    });
    // The password policy is checked before the link is used up.
    expect(await problem(anonymous.setPassword({ token: tokenOf(link.path), password: 'kort' }))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      paths: ['password'],
    });
    const socket = await connected(cookie);
    const gone = disconnected(socket);
    await anonymous.setPassword({ token: tokenOf(link.path), password: 'en helt ny adgangskode' });
    expect(await gone).toBe('io server disconnect');
    expect((await problem(apiClient(s.t, cookie).auth.me())).status).toBe(401);
    await s.t.login(account.email, 'en helt ny adgangskode');
    expect(await loginStatus(account.email, PASSWORD)).toBe(401);
    // Once only.
    expect(
      await problem(anonymous.setPassword({ token: tokenOf(link.path), password: 'endnu en adgangskode' })),
    ).toMatchObject({ status: 400, code: 'PASSWORD_LINK_INVALID' });

    const late = await s.admin.api.admin.passwordReset(account.id);
    await s.ds.query(`UPDATE password_token SET expires_at = now() - interval '1 second' WHERE staff_id = $1`, [
      account.id,
    ]);
    expect(
      await problem(anonymous.setPassword({ token: tokenOf(late.path), password: 'endnu en adgangskode' })),
    ).toMatchObject({ status: 400, code: 'PASSWORD_LINK_INVALID' });
    // Only the hash is stored.
    const stored = await s.ds.query<{ token_hash: Buffer }[]>(`SELECT token_hash FROM password_token`);
    for (const row of stored) expect(row.token_hash.toString('base64url')).not.toBe(tokenOf(late.path));

    const actions = (await auditOf(account.id)).filter((r) => r.action === 'staff.password.set');
    expect(actions.map((r) => [r.actor_kind, r.actor_id, r.citizen_id])).toEqual([
      ['system', null, null],
      ['system', null, null],
    ]);
  });
});

describe('teams', () => {
  it('creates a team in the municipality of the others, lists it with its members; a taken name is 409', async () => {
    const name = `Team Øst ${email()}`;
    const team = await s.admin.api.admin.createTeam({ name });
    expect(team).toMatchObject({ name, memberCount: 0 });
    expect(team.municipality).toBeTruthy();
    await newPerson(['caseworker'], [team.id]);
    expect((await s.admin.api.admin.teams()).items).toContainEqual({ ...team, memberCount: 1 });
    expect(await problem(s.admin.api.admin.createTeam({ name: name.toUpperCase() }))).toMatchObject({
      status: 409,
      code: 'TEAM_EXISTS',
    });
    expect((await auditOf(team.id)).map((r) => [r.action, r.citizen_id])).toEqual([['team.create', null]]);
  });
});
