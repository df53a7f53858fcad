import { SocketRevalidation } from '@tvaers/api/src/realtime/socket-revalidation';
import { socketsPerTest } from '../support/app';
import { disconnected, stillOpen } from '../support/wait';
import { apiClient } from '../support/client';
import { createStaff, staffSuite } from '../support/factories';

const s = staffSuite();
const connect = socketsPerTest(() => s.t);
const host = () => new URL(s.t.url).host;

/** The connect_error of a socket the server refuses. */
const refused = (headers: Record<string, string>) =>
  connect(headers).then(
    () => Promise.reject(new Error('connected')),
    (err: Error) => err,
  );

const revalidate = () => s.t.app.get(SocketRevalidation).revalidate();

/** A staff member of their own, so changing them disturbs no other test. */
const newStaff = () => createStaff(s.t);

describe('origin', () => {
  it('refuses a foreign Origin and Origin: null with connect_error, also with a session', async () => {
    const { cookie } = s.sw;
    expect((await refused({ cookie, origin: 'https://evil.example' })).message).toBe('CROSS_SITE_REQUEST');
    expect((await refused({ cookie, origin: 'null' })).message).toBe('CROSS_SITE_REQUEST');
    expect((await refused({ cookie, origin: `http://${host()}.evil.example` })).message).toBe('CROSS_SITE_REQUEST');
  });

  it('accepts its own origin, and no Origin (non-browser clients) with a session', async () => {
    const { cookie } = s.sw;
    expect((await connect({ cookie, origin: `http://${host()}` })).connected).toBe(true);
    expect((await connect({ cookie })).connected).toBe(true);
    expect((await refused({ origin: `http://${host()}` })).message).toBe('UNAUTHENTICATED');
  });
});

describe('ending a session disconnects its sockets', () => {
  it("logout closes that session's sockets and not another session's of the same user", async () => {
    const { email } = await newStaff();
    const [a, b] = [await s.t.login(email), await s.t.login(email)];
    const [sa1, sa2, sb] = await Promise.all([connect({ cookie: a }), connect({ cookie: a }), connect({ cookie: b })]);
    const gone = Promise.all([disconnected(sa1), disconnected(sa2)]);
    await apiClient(s.t, a).auth.logout();
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await stillOpen(sb)).toBe(true);
  });

  it('expiry: a session past its expiry is disconnected on revalidation', async () => {
    const { email, cookie: a } = await newStaff();
    const b = await s.t.login(email);
    const [sa, sb] = await Promise.all([connect({ cookie: a }), connect({ cookie: b })]);
    await revalidate();
    expect(sa.connected && sb.connected).toBe(true);
    const me = await apiClient(s.t, a).auth.me();
    // Expire only session a: the newest session of this staff member is b's.
    await s.ds.query(
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
      connect({ cookie: await s.t.login(email) }),
      connect({ cookie: await s.t.login(email) }),
      connect({ cookie: await s.t.login(other.email) }),
    ]);
    await s.ds.query(`UPDATE staff SET active = false WHERE id = $1`, [id]);
    const gone = Promise.all([disconnected(s1), disconnected(s2)]);
    await revalidate();
    await gone;
    expect(await stillOpen(s3)).toBe(true);
  });

  it('a change of teams or roles disconnects, so the socket cannot keep rooms it no longer may be in', async () => {
    const teams = await newStaff();
    const roles = await newStaff();
    const [st, sr] = await Promise.all([
      connect({ cookie: await s.t.login(teams.email) }),
      connect({ cookie: await s.t.login(roles.email) }),
    ]);
    await revalidate();
    expect(st.connected && sr.connected).toBe(true);
    await s.ds.query(`DELETE FROM team_member WHERE staff_id = $1`, [teams.id]);
    await s.ds.query(`UPDATE staff SET roles = array_append(roles, 'manager') WHERE id = $1`, [roles.id]);
    const gone = Promise.all([disconnected(st), disconnected(sr)]);
    await revalidate();
    await gone;
  });
});
