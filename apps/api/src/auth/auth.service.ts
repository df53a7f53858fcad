import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  Discipline,
  LoginRequest,
  Me,
  PasswordNotice,
  Role,
  SetPasswordRequest,
  StaffSession,
} from '@tvaers/contracts';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LOGGER } from '../common/logging/logger.provider';
import { newRequestAudit, type StaffActor } from '../common/auth/actor';
import { DomainEvents } from '../common/events/domain-events';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { PasswordHasher } from '../people/password';
import { passwordTokenHash } from '../people/password-link';
import { PeopleService } from '../people/people.service';
import type { StaffEntity } from '../people/staff.entity';
import { invalidCredentials, localPasswordsOff, passwordLinkInvalid } from './auth.errors';
import { LoginThrottle } from './login-throttle';
import { SessionRepository } from './session.repository';
import { userAgentSummary } from './user-agent';
import { sessionCookieName } from '../common/auth/session-cookie';
import { notFound } from '../common/problem/problem';

const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly people: PeopleService,
    private readonly sessions: SessionRepository,
    private readonly events: DomainEvents,
    private readonly throttle: LoginThrottle,
    private readonly access: AccessService,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * Returns the new session's cookie token and the user; one answer for unknown e-mail and wrong password.
   * `address` is the client's address (as far as trusted proxies tell), which failures are counted by.
   */
  /** The session cookie's name: `__Host-` when served over https. */
  get cookieName(): string {
    return sessionCookieName(this.config.secureCookies);
  }

  /** The moment before which a session's last request makes it idle, ended. */
  private idleSince(now: Date): Date {
    return new Date(now.getTime() - this.config.sessionIdleMs);
  }

  async login(
    input: LoginRequest,
    address: string,
    userAgent?: string,
  ): Promise<{ token: string; user: Me; expiresAt: Date; passwordNotice: PasswordNotice | null }> {
    if (!this.config.localPasswords) throw localPasswordsOff();
    const email = input.email.toLowerCase();
    const reservation = await this.throttle.reserve(email, address);
    if (reservation.slowDown) await this.throttle.slowDown();
    const staff = await this.people.findActiveByEmail(email);
    const ok = await this.hasher.verify(staff?.passwordHash, input.password);
    // A failure keeps its reservation: that is the count.
    if (!staff || !ok) throw invalidCredentials();
    await this.throttle.succeeded(reservation);
    const session = await this.startSession(staff, 'password', userAgent);
    // Told once: who issued the link the password was last set through (an administrator's reset is never silent).
    const notice = await this.people.takePasswordNotice(staff.id);
    return {
      ...session,
      passwordNotice: notice ? { byName: notice.byName, at: notice.at.toISOString() } : null,
    };
  }

  /** A new session for a person whose identity is proven (by password or the identity provider): one way in. */
  async startSession(
    staff: StaffEntity,
    via: 'password' | 'oidc',
    userAgent: string | undefined,
  ): Promise<{ token: string; user: Me; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlMs);
    await this.sessions.create(sessionId(token), staff.id, now, expiresAt, userAgent?.slice(0, 300) ?? null);
    this.logger.info({ staffId: staff.id, via }, 'staff logged in');
    return {
      token,
      expiresAt,
      user: {
        id: staff.id,
        name: staff.name,
        email: staff.email,
        roles: staff.roles,
        discipline: staff.discipline,
        teamIds: staff.teams.map((t) => t.id).sort(),
      },
    };
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    const id = sessionId(token);
    await this.sessions.delete(id);
    this.events.emit('session.ended', { sessionId: id });
  }

  /**
   * Ends every session of a person (deactivation, a new password) and, as logout does, their open sockets
   * on every process; with a reason (deactivation) the sockets are told it first, so the open page can say it.
   */
  /** The person's live sessions, the one asking marked. */
  async mySessions(actor: StaffActor): Promise<StaffSession[]> {
    const now = new Date();
    const rows = await this.sessions.listOfStaff(actor.id, now, this.idleSince(now));
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      ...userAgentSummary(r.userAgent),
      current: r.id === actor.sessionId,
    }));
  }

  /** Ends one of the person's own sessions (404 for any other), and its open sockets. */
  async endMySession(actor: StaffActor, id: string): Promise<void> {
    if (!(await this.sessions.deleteOfStaffOne(actor.id, id))) throw notFound('Session');
    this.events.emit('session.ended', { sessionId: id });
  }

  async endSessionsOf(staffId: string, reason?: 'access-ended'): Promise<void> {
    for (const id of await this.sessions.deleteOfStaff(staffId)) {
      this.events.emit('session.ended', { sessionId: id, reason });
    }
  }

  /**
   * Sets a password through a one-time link (from an administrator or `create-admin`): counted per link and
   * address first, then the link is looked up and locked before the password is checked and hashed; the link
   * is used up, the change audited, and the person's other sessions end.
   */
  async setPassword(input: SetPasswordRequest, address: string): Promise<void> {
    await this.throttle.reserveSetPassword(passwordTokenHash(input.token).toString('hex'), address);
    const who = await this.access.adminChange(
      { kind: 'system', name: 'Link til adgangskode' },
      Permission.AdminStaffWrite,
      async () => {
        const person = await this.people.setPasswordByLink(input.token, input.password);
        if (!person) throw passwordLinkInvalid();
        return { result: person, audit: { action: 'staff.password.set', entityId: person.id } };
      },
    );
    await this.endSessionsOf(who.id);
  }

  /** Of these sessions, the live ones with the roles, discipline and teams they carry now (one query). */
  async liveSessions(ids: string[]): Promise<Map<string, Pick<StaffActor, 'roles' | 'discipline' | 'teamIds'>>> {
    const now = new Date();
    const rows = ids.length ? await this.sessions.findLiveMany(ids, now, this.idleSince(now)) : [];
    return new Map(
      rows.map((r) => [
        r.sessionId,
        {
          roles: [...r.roles].sort() as Role[],
          discipline: r.discipline as Discipline,
          teamIds: [...r.teamIds].sort(),
        },
      ]),
    );
  }

  /** Resolves a cookie token to the acting staff member, or null. */
  async resolve(token: string | undefined): Promise<StaffActor | null> {
    if (!token || token.length > 100) return null;
    const now = new Date();
    const row = await this.sessions.findLiveAndTouch(sessionId(token), now, this.idleSince(now));
    if (!row) return null;
    return {
      kind: 'staff',
      id: row.staffId,
      name: row.name,
      email: row.email,
      roles: row.roles as Role[],
      discipline: row.discipline as Discipline,
      teamIds: [...row.teamIds].sort(),
      sessionId: row.sessionId,
      audit: newRequestAudit(),
    };
  }

  me(actor: StaffActor): Me {
    const { id, name, email, roles, discipline, teamIds } = actor;
    return { id, name, email, roles, discipline, teamIds };
  }
}
