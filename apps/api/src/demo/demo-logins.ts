import type { DataSource } from 'typeorm';
import { verifyPassword } from '../people/password';
import { DEMO_PASSWORD, demoStaff } from './demo-data';

/**
 * The demo seed's accounts that still open with the published password (active, password unchanged): a
 * production server refuses to start while any is left, as anyone who read the README could log in.
 */
export async function demoLoginsLeft(
  ds: DataSource,
  emails = demoStaff.map((s) => s.email.toLowerCase()),
): Promise<string[]> {
  const rows: { email: string; password_hash: string }[] = await ds.query(
    `SELECT email, password_hash FROM staff WHERE active AND lower(email) = ANY($1)`,
    [emails],
  );
  const open = await Promise.all(
    rows.map(async (r) => ((await verifyPassword(r.password_hash, DEMO_PASSWORD)) ? r.email : null)),
  );
  return open.filter((e): e is string => e !== null).sort();
}
