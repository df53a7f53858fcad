import { Inject, Injectable } from '@nestjs/common';
import type {
  AdminTeam,
  CreateStaffAccount,
  CreateTeam,
  PasswordLink,
  StaffAccount,
  UpdateStaffAccount,
} from '@tvaers/contracts';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { AuthService } from '../auth/auth.service';
import { CasesService } from '../cases/cases.service';
import type { Actor } from '../common/auth/actor';
import { notFound } from '../common/problem/problem';
import { APP_CONFIG, type AppConfig, linkBase } from '../config/config';
import { MailTransport } from '../mail/mail-transport';
import { PeopleService } from '../people/people.service';
import {
  lastAdmin,
  mailUnavailable,
  ownRoles,
  municipalityRequired,
  staffEmailExists,
  staffInactive,
  teamExists,
  unknownTeams,
} from './admin.errors';

/** Why a leaver's cases went to the queue: in the assignment history and the citizens' access logs. */
const HANDOVER_REASON = 'Ansvarlig medarbejder deaktiveret';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The administrator's work: staff accounts, their roles, disciplines and teams, passwords, teams. */
@Injectable()
export class AdminService {
  constructor(
    private readonly access: AccessService,
    private readonly people: PeopleService,
    private readonly auth: AuthService,
    private readonly cases: CasesService,
    private readonly mail: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listStaff(actor: Actor): Promise<StaffAccount[]> {
    await this.access.require(actor, Permission.AdminStaffRead, '');
    return this.people.listAccounts();
  }

  async listTeams(actor: Actor): Promise<AdminTeam[]> {
    await this.access.require(actor, Permission.AdminStaffRead, '');
    return this.people.listTeams();
  }

  private async assertTeams(ids: string[]): Promise<void> {
    const unknown = await this.people.unknownTeams(ids);
    if (unknown.length) throw unknownTeams(unknown);
  }

  create(actor: Actor, body: CreateStaffAccount): Promise<StaffAccount> {
    return this.access.adminChange(actor, Permission.AdminStaffWrite, async () => {
      await this.assertTeams(body.teamIds);
      const id = await this.people.createAccount({
        email: body.email,
        name: body.name,
        roles: body.roles,
        discipline: body.discipline,
        phone: body.phone ?? null,
      });
      if (!id) throw staffEmailExists();
      await this.people.setTeams(id, body.teamIds);
      const account = (await this.people.account(id))!;
      return {
        result: account,
        audit: {
          action: 'staff.create',
          entityId: id,
          details: {
            email: account.email,
            roles: account.roles,
            discipline: account.discipline,
            teamIds: body.teamIds,
          },
        },
      };
    });
  }

  async update(actor: Actor, id: string, body: UpdateStaffAccount): Promise<StaffAccount> {
    const { after, deactivated } = await this.access.adminChange(actor, Permission.AdminStaffWrite, async () => {
      // Admins first, in id order, then the person, then their cases: the same order in every change, so no
      // deadlock (an assignment locks a case, then the person it goes to, never the one it leaves).
      const admins = body.active === false || body.roles ? await this.people.lockActiveAdmins() : [];
      if (!(await this.people.lockAccount(id))) throw notFound('Staff member');
      const before = (await this.people.account(id))!;
      if (actor.kind === 'staff' && actor.id === id && body.roles && !sameSet(body.roles, before.roles)) {
        throw ownRoles();
      }
      if (body.teamIds) await this.assertTeams(body.teamIds);
      const staysAdmin = (body.active ?? before.active) && (body.roles ?? before.roles).includes('admin');
      if (!staysAdmin && admins.length === 1 && admins[0] === id) throw lastAdmin();
      await this.people.updateAccount(id, {
        name: body.name,
        roles: body.roles,
        discipline: body.discipline,
        phone: body.phone,
        active: body.active,
      });
      if (body.teamIds) await this.people.setTeams(id, body.teamIds);
      // A deactivated person keeps no way back in: an unused set-password link goes with the sessions.
      if (body.active === false) await this.people.withdrawPasswordLink(id);
      // Nobody answers for a leaver's cases: they wait in their teams' intake queues for a manager to assign.
      // The administrator sees no case content, so choosing a colleague per case is the manager's (Visitering).
      const handedOver =
        before.active && body.active === false
          ? await this.cases.handOverToQueue(id, actor.kind === 'staff' ? actor.id : null, HANDOVER_REASON)
          : [];
      const after = (await this.people.account(id))!;
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['name', 'roles', 'discipline', 'phone', 'active'] as const) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
          changes[key] = { from: before[key], to: after[key] };
        }
      }
      const teamIds = (a: StaffAccount) => a.teams.map((t) => t.id).sort();
      if (!sameSet(teamIds(before), teamIds(after))) changes.teamIds = { from: teamIds(before), to: teamIds(after) };
      const action =
        before.active && !after.active
          ? 'staff.deactivate'
          : !before.active && after.active
            ? 'staff.reactivate'
            : 'staff.update';
      const details = handedOver.length ? { changes, casesToQueue: handedOver.length } : { changes };
      const deactivated = before.active && !after.active;
      // Sessions read roles and teams afresh on each request; open sockets were authorised with the old ones.
      const reauthorise =
        !deactivated &&
        (before.discipline !== after.discipline ||
          !sameSet(before.roles, after.roles) ||
          !sameSet(teamIds(before), teamIds(after)));
      return {
        result: { after, deactivated },
        events: [
          ...(handedOver.length
            ? await this.cases.loadsChanged([id], [...new Set(handedOver.map((k) => k.teamId))])
            : []),
          ...(reauthorise ? [['staff.access.changed', { staffId: id }] as const] : []),
        ],
        audit: {
          action,
          entityId: id,
          details,
          // Each citizen's own log says that their case lost its responsible person, and why.
          citizenRows: handedOver.map((k) => ({
            citizenId: k.citizenId,
            action: 'case.handover',
            entity: 'case',
            entityId: k.caseId,
            purpose: HANDOVER_REASON,
            details: { fromStaffId: id, teamId: k.teamId },
          })),
        },
      };
    });
    if (deactivated) await this.auth.endSessionsOf(id, 'access-ended');
    return after;
  }

  /**
   * A one-time set-password link. With mail set up it goes to the person's own e-mail and the administrator
   * never sees it (else they could set the password and act as the colleague); without, it is shown once.
   * Sent within the change's transaction, as guest codes are: a queued job would keep the token readable.
   */
  passwordLink(actor: Actor, id: string): Promise<PasswordLink> {
    return this.access.adminChange(actor, Permission.AdminStaffWrite, async () => {
      if (!(await this.people.lockAccount(id))) throw notFound('Staff member');
      const account = (await this.people.account(id))!;
      if (!account.active) throw staffInactive();
      const issuer = actor.kind === 'staff' ? actor.name : null;
      const link = await this.people.issuePasswordLink(id, this.config.publicBaseUrl, issuer);
      const transport = this.mail.transport;
      if (transport) {
        const url = `${linkBase(this.config)}${link.path}`;
        // A failure undoes the link with the transaction: the administrator is told, and nothing is half done.
        await transport
          .sendMail({
            from: this.mail.from,
            to: { name: account.name, address: account.email },
            subject: 'Vælg din adgangskode til Tværs',
            text: [
              `Hej ${account.name}`,
              '',
              `${issuer ?? 'Tværs'} har sendt dig et link, så du kan vælge en adgangskode til Tværs:`,
              url,
              '',
              'Linket kan bruges én gang og gælder i 24 timer.',
              'Har du ikke ventet det, så kontakt din administrator.',
            ].join('\n'),
          })
          .catch(() => {
            throw mailUnavailable();
          });
      }
      const result: PasswordLink = transport
        ? { path: null, url: null, mailedTo: account.email, expiresAt: link.expiresAt }
        : { ...link, mailedTo: null };
      return {
        result,
        audit: {
          action: 'staff.password.link',
          entityId: id,
          details: { expiresAt: link.expiresAt, mailedTo: result.mailedTo },
        },
      };
    });
  }

  createTeam(actor: Actor, body: CreateTeam): Promise<AdminTeam> {
    return this.access.adminChange(actor, Permission.AdminTeamWrite, async () => {
      const municipality = body.municipality ?? (await this.people.usualMunicipality());
      if (!municipality) throw municipalityRequired();
      const id = await this.people.insertTeam(body.name, municipality);
      if (!id) throw teamExists();
      const team: AdminTeam = { id, name: body.name, municipality, memberCount: 0 };
      return {
        result: team,
        audit: { action: 'team.create', entityId: id, details: { name: body.name, municipality } },
      };
    });
  }
}
