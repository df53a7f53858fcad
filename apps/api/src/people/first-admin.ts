import { CreateStaffAccount, type PasswordLink } from '@tvaers/contracts';
import type { DataSource } from 'typeorm';
import { recordSystemEntry } from '../audit/system-entry';
import { hashPassword } from './password';
import { newPasswordLink, unusablePassword } from './password-link';

const Input = CreateStaffAccount.pick({ email: true, name: true });

/**
 * The first administrator of an installation without demo users (`cli.js create-admin`): an account with
 * an unknown password and a one-time link to set one, audited as a system change. Refuses a taken e-mail.
 */
export async function createAdmin(
  ds: DataSource,
  input: { email?: string; name?: string },
  publicBaseUrl: string | undefined,
): Promise<{ id: string; link: PasswordLink & { path: string } }> {
  const parsed = Input.safeParse(input);
  if (!parsed.success) {
    throw new Error(`usage: create-admin --email <e-mail> --name "<full name>" (${parsed.error.issues[0]?.message})`);
  }
  const { email, name } = parsed.data;
  const passwordHash = await hashPassword(unusablePassword());
  const link = newPasswordLink();
  const id = await ds.transaction(async (em) => {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO staff (email, name, password_hash, roles, discipline) VALUES ($1, $2, $3, '{admin}', 'employment')
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email.toLowerCase(), name, passwordHash],
    );
    const staffId = rows[0]?.id;
    if (!staffId) throw new Error(`a staff member with the e-mail ${email.toLowerCase()} already exists`);
    await em.query(`INSERT INTO password_token (staff_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
      staffId,
      link.hash,
      link.expiresAt,
    ]);
    await recordSystemEntry(em, {
      actorName: 'create-admin',
      action: 'staff.create',
      entity: 'staff',
      entityId: staffId,
      details: { email: email.toLowerCase(), roles: ['admin'], discipline: 'employment', teamIds: [] },
    });
    return staffId;
  });
  return {
    id,
    link: {
      path: link.path,
      url: publicBaseUrl ? `${publicBaseUrl}${link.path}` : null,
      mailedTo: null,
      expiresAt: link.expiresAt.toISOString(),
    },
  };
}
