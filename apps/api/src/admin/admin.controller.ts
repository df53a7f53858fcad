import {
  AdminTeam,
  AdminTeamList,
  CreateStaffAccount,
  CreateTeam,
  PasswordLink,
  StaffAccount,
  StaffAccountList,
  UpdateStaffAccount,
} from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { Endpoint } from '../common/http/endpoint';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody } from '../common/validation/zod';
import { AdminService } from './admin.service';

const ONLY_ADMINS = 'Only administrators manage staff and teams';
const STAFF_MEMBER = { 403: ONLY_ADMINS, 404: 'No such staff member' };

@StaffController('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Endpoint('GET staff', {
    summary: 'List all staff with roles, discipline, work phone, teams and whether active',
    response: [200, StaffAccountList],
    problems: { 403: ONLY_ADMINS },
  })
  async listStaff(@Actor() actor: StaffActor): Promise<StaffAccountList> {
    return { items: await this.admin.listStaff(actor) };
  }

  @Endpoint('POST staff', {
    summary: 'Create a staff member (the password is set through a one-time link)',
    response: [201, StaffAccount],
    problems: { 403: ONLY_ADMINS, 409: 'A staff member with this e-mail exists (`STAFF_EMAIL_EXISTS`)' },
  })
  createStaff(@Actor() actor: StaffActor, @ZBody(CreateStaffAccount) body: CreateStaffAccount): Promise<StaffAccount> {
    return this.admin.create(actor, body);
  }

  @Endpoint('PATCH staff/:id', {
    summary:
      "Change a staff member's name, roles, discipline, work phone or teams, or deactivate (ends their sessions)",
    response: [200, StaffAccount],
    problems: {
      ...STAFF_MEMBER,
      409: 'The last active administrator cannot be deactivated or demoted (`LAST_ADMIN`)',
    },
  })
  updateStaff(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Staff member') id: string,
    @ZBody(UpdateStaffAccount) body: UpdateStaffAccount,
  ): Promise<StaffAccount> {
    return this.admin.update(actor, id, body);
  }

  @Endpoint('POST staff/:id/password-reset', {
    summary:
      'Issue a one-time set-password link (valid 24 hours; replaces an earlier one). With SMTP_URL it is mailed to the person (`mailedTo`) and not answered; without, it is answered once',
    response: [201, PasswordLink],
    problems: {
      ...STAFF_MEMBER,
      409: 'The staff member is deactivated',
      503: 'The mail server did not take the link; nothing was issued (`MAIL_UNAVAILABLE`)',
    },
  })
  issuePasswordReset(@Actor() actor: StaffActor, @UuidParam('id', 'Staff member') id: string): Promise<PasswordLink> {
    return this.admin.passwordLink(actor, id);
  }

  @Endpoint('GET teams', {
    summary: 'List all teams with their number of active members',
    response: [200, AdminTeamList],
    problems: { 403: ONLY_ADMINS },
  })
  async listTeams(@Actor() actor: StaffActor): Promise<AdminTeamList> {
    return { items: await this.admin.listTeams(actor) };
  }

  @Endpoint('POST teams', {
    summary: 'Create a team',
    response: [201, AdminTeam],
    problems: { 403: ONLY_ADMINS, 409: 'A team of this name exists (`TEAM_EXISTS`)' },
  })
  createTeam(@Actor() actor: StaffActor, @ZBody(CreateTeam) body: CreateTeam): Promise<AdminTeam> {
    return this.admin.createTeam(actor, body);
  }
}
