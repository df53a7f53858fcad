import { Injectable } from '@nestjs/common';
import type { AdminTeam, PasswordLink, StaffAccount } from '@tvaers/contracts';
import { hashPassword, PasswordHasher } from './password';
import { weakPassword } from './password-policy';
import { newPasswordLink, passwordTokenHash, unusablePassword } from './password-link';
import { type NewStaff, PeopleRepository, type StaffAccountRow } from './people.repository';
import type { StaffEntity } from './staff.entity';
import { passwordTooWeak } from './people.errors';

const toAccount = (r: StaffAccountRow): StaffAccount => ({
  id: r.id,
  email: r.email,
  name: r.name,
  roles: [...r.roles].sort(),
  discipline: r.discipline,
  phone: r.phone,
  teams: r.teams,
  active: r.active,
  activeCases: r.active_cases,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Staff and teams as other contexts ask for them; only this folder reaches the repository. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** The active staff member with this e-mail (any case), with their teams. */
  findActiveByEmail(email: string): Promise<StaffEntity | null> {
    return this.people.findActiveByEmail(email);
  }

  /** The active staff member the identity provider's subject was kept with, with their teams. */
  findActiveBySubject(subject: string): Promise<StaffEntity | null> {
    return this.people.findActiveBySubject(subject);
  }

  bindOidcSubject(id: string, subject: string): Promise<boolean> {
    return this.people.bindOidcSubject(id, subject);
  }

  async listAccounts(): Promise<StaffAccount[]> {
    return (await this.people.listStaff()).map(toAccount);
  }

  async account(id: string): Promise<StaffAccount | null> {
    const row = await this.people.findStaff(id);
    return row ? toAccount(row) : null;
  }

  /** A new account with a password nobody knows (set through a link); null when the e-mail is taken. */
  async createAccount(s: Omit<NewStaff, 'passwordHash'>): Promise<string | null> {
    return this.people.insertStaff({ ...s, passwordHash: await hashPassword(unusablePassword()) });
  }

  /** The caseload settings kept on a team's row (caseload decides them; access is checked there). */
  setTeamCaseload(teamId: string, targetGroupId: string | null, ceiling: number | null): Promise<void> {
    return this.people.setTeamCaseload(teamId, targetGroupId, ceiling);
  }

  /** A person's own caseload ceiling, kept on their row (caseload decides it; access is checked there). */
  setPersonalCeiling(staffId: string, ceiling: number | null): Promise<void> {
    return this.people.setPersonalCeiling(staffId, ceiling);
  }

  lockAccount(id: string): Promise<boolean> {
    return this.people.lockStaff(id);
  }

  lockActiveAdmins(): Promise<string[]> {
    return this.people.lockActiveAdmins();
  }

  updateAccount(id: string, patch: Parameters<PeopleRepository['updateStaff']>[1]): Promise<void> {
    return this.people.updateStaff(id, patch);
  }

  setTeams(staffId: string, teamIds: string[]): Promise<void> {
    return this.people.setTeams(staffId, teamIds);
  }

  /** The ids among these that are no team. */
  async unknownTeams(ids: string[]): Promise<string[]> {
    const found = new Set(await this.people.existingTeams(ids));
    return ids.filter((id) => !found.has(id));
  }

  async listTeams(): Promise<AdminTeam[]> {
    return (await this.people.listTeams()).map((t) => ({
      id: t.id,
      name: t.name,
      municipality: t.municipality,
      memberCount: t.member_count,
    }));
  }

  usualMunicipality(): Promise<string | null> {
    return this.people.usualMunicipality();
  }

  insertTeam(name: string, municipality: string): Promise<string | null> {
    return this.people.insertTeam(name, municipality);
  }

  /**
   * A new one-time set-password link for the person (replacing any earlier one); `issuedBy` is the
   * administrator's name, told to the person at their first login after using it (null: create-admin).
   */
  async issuePasswordLink(
    staffId: string,
    publicBaseUrl: string | undefined,
    issuedBy: string | null,
  ): Promise<Omit<PasswordLink, 'mailedTo'> & { path: string }> {
    const link = newPasswordLink();
    await this.people.savePasswordToken(staffId, link.hash, link.expiresAt, issuedBy);
    return {
      path: link.path,
      url: publicBaseUrl ? `${publicBaseUrl}${link.path}` : null,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  /** Who issued the link the person's password was last set through, told once (at the login after it). */
  takePasswordNotice(staffId: string): Promise<{ byName: string; at: Date } | null> {
    return this.people.takePasswordNotice(staffId);
  }

  async withdrawPasswordLink(staffId: string): Promise<void> {
    await this.people.deletePasswordToken(staffId);
  }

  /**
   * Uses up the link and sets the password, in the caller's transaction: the person, or null for a link that is
   * unknown, used or expired. The link is looked up and locked before anything else, so a bogus one costs no
   * hash and two uses of one link cannot both pass; a weak password leaves the link usable.
   */
  async setPasswordByLink(token: string, password: string): Promise<{ id: string; name: string } | null> {
    const tokenHash = passwordTokenHash(token);
    const now = new Date();
    if (!(await this.people.lockPasswordToken(tokenHash, now))) return null;
    const weak = weakPassword(password);
    if (weak) throw passwordTooWeak(weak);
    const passwordHash = await this.hasher.hash(password);
    const who = await this.people.takePasswordToken(tokenHash, now);
    if (who) await this.people.setPasswordHash(who.id, passwordHash);
    return who;
  }
}
