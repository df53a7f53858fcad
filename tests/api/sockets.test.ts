import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { SocketRevalidation } from '@tvaers/api/src/realtime/socket-revalidation';
import { startTestApp, type TestApp } from '../support/app';
import { disconnected, stillOpen } from '../support/wait';
import { apiClient } from '../support/client';
import { createStaff } from '../support/factories';

let t: TestApp;
let db: Client;
let host: string;
const open: Socket[] = [];
beforeAll(async () => {
  t = await startTestApp();
  host = new URL(t.url).host;
  db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
afterAll(async () => {
  await db.end();
  await t.close();
});

const socket = (headers: Record<string, string>) => {
  const s = t.socket(headers);
  open.push(s);
  return s;
};

const connected = (headers: Record<string, string>) =>
  new Promise<Socket>((resolve, reject) => {
    const s = socket(headers);
    s.on('connect', () => resolve(s));
    s.on('connect_error', reject);
  });

const refused = (headers: Record<string, string>) =>
  new Promise<Error>((resolve, reject) => {
    const s = socket(headers);
    s.on('connect', () => reject(new Error('connected')));
    s.on('connect_error', resolve);
  });

/** Resolves with the reason once the server closes the socket. */

const revalidate = () => t.app.get(SocketRevalidation).revalidate();

/** A staff member of their own, so changing them disturbs no other test. */
const newStaff = () => createStaff(t);

describe('origin', () => {
  it('refuses a foreign Origin and Origin: null with connect_error, also with a session', async () => {
    const { cookie } = await newStaff();
    expect((await refused({ cookie, origin: 'https://evil.example' })).message).toBe('CROSS_SITE_REQUEST');
    expect((await refused({ cookie, origin: 'null' })).message).toBe('CROSS_SITE_REQUEST');
    expect((await refused({ cookie, origin: `http://${host}.evil.example` })).message).toBe('CROSS_SITE_REQUEST');
  });

  it('accepts its own origin, and no Origin (non-browser clients) with a session', async () => {
    const { cookie } = await newStaff();
    expect((await connected({ cookie, origin: `http://${host}` })).connected).toBe(true);
    expect((await connected({ cookie })).connected).toBe(true);
    expect((await refused({ origin: `http://${host}` })).message).toBe('UNAUTHENTICATED');
  });
});

describe('ending a session disconnects its sockets', () => {
  it("logout closes that session's sockets and not another session's of the same user", async () => {
    const { email } = await newStaff();
    const [a, b] = [await t.login(email), await t.login(email)];
    const [sa1, sa2, sb] = await Promise.all([
      connected({ cookie: a }),
      connected({ cookie: a }),
      connected({ cookie: b }),
    ]);
    const gone = Promise.all([disconnected(sa1), disconnected(sa2)]);
    await apiClient(t, a).auth.logout();
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await stillOpen(sb)).toBe(true);
  });

  it('expiry: a session past its expiry is disconnected on revalidation', async () => {
    const { email, cookie: a } = await newStaff();
    const b = await t.login(email);
    const [sa, sb] = await Promise.all([connected({ cookie: a }), connected({ cookie: b })]);
    await revalidate();
    expect(sa.connected && sb.connected).toBe(true);
    const me = await apiClient(t, a).auth.me();
    // Expire only session a: the newest session of this staff member is b's.
    await db.query(
      `UPDATE session SET expires_at = now() - interval '1 minute'
        WHERE id = (SELECT id FROM session WHERE staff_id = $1 ORDER BY created_at LIMIT 1)`,
      [me.id],
    );
    const gone = disconnected(sa);
    await revalidate();
    expect(await gone).toBe('io server disconnect');
    expect(await stillOpen(sb)).toBe(true);
  });

  it('deactivation disconnects every session of that staff member', async () => {
    const { id, email } = await newStaff();
    const other = await newStaff();
    const [s1, s2, s3] = await Promise.all([
      connected({ cookie: await t.login(email) }),
      connected({ cookie: await t.login(email) }),
      connected({ cookie: await t.login(other.email) }),
    ]);
    await db.query(`UPDATE staff SET active = false WHERE id = $1`, [id]);
    const gone = Promise.all([disconnected(s1), disconnected(s2)]);
    await revalidate();
    await gone;
    expect(await stillOpen(s3)).toBe(true);
  });

  it('a change of teams or roles disconnects, so the socket cannot keep rooms it no longer may be in', async () => {
    const teams = await newStaff();
    const roles = await newStaff();
    const [st, sr] = await Promise.all([
      connected({ cookie: await t.login(teams.email) }),
      connected({ cookie: await t.login(roles.email) }),
    ]);
    await revalidate();
    expect(st.connected && sr.connected).toBe(true);
    await db.query(`DELETE FROM team_member WHERE staff_id = $1`, [teams.id]);
    await db.query(`UPDATE staff SET roles = array_append(roles, 'manager') WHERE id = $1`, [roles.id]);
    const gone = Promise.all([disconnected(st), disconnected(sr)]);
    await revalidate();
    await gone;
  });
});
