import { Inject, Req } from '@nestjs/common';
import { GuestLink, HealthDataQuery, HealthStatementList, OwnAssessmentList } from '@tvaers/contracts';
import type { FastifyRequest } from 'fastify';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { Endpoint } from '../common/http/endpoint';
import { UuidParam } from '../common/validation/uuid-param';
import { ZQuery } from '../common/validation/zod';
import { APP_CONFIG, type AppConfig, linkBase } from '../config/config';
import { GuestsService } from './guests.service';

@StaffController('guests', 'meetings')
export class GuestLinksController {
  constructor(
    private readonly guests: GuestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Endpoint('POST :id/participants/:participantId/link', {
    summary:
      "Make or replace a participant's guest link (\"Nyt link\"): the previous one stops working and the new one is mailed to a participant with an e-mail. The URL is shown to you, so through this link the guest sees no more than you may (health efforts only if you see the citizen's health data, the access log only if you read access logs), and every read through it is logged with your name. Links Tværs mails without showing them to staff open the guest's whole part. Staff who may read the meeting's case only",
    response: [201, GuestLink],
    problems: {
      400: 'Staff take part with their own login',
      404: "No such meeting or participant within your reach (a participant from another team may not manage the meeting's links)",
      409: 'The meeting is cancelled or over (`MEETING_CLOSED`)',
    },
  })
  issueGuestLink(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Meeting') id: string,
    @UuidParam('participantId', 'Participant') participantId: string,
    @Req() req: FastifyRequest,
  ): Promise<GuestLink> {
    // PUBLIC_BASE_URL when set (production), else the address and port this server listens on: never `Host`.
    const base = linkBase(this.config, req.socket.localPort);
    return this.guests.issueLink(actor, id, participantId, base);
  }

  @Endpoint('DELETE :id/participants/:participantId/link', {
    summary: "Revoke a participant's guest link (staff who may read the meeting's case)",
    response: [204],
    problems: { 404: 'No such meeting or participant within your reach' },
  })
  revokeGuestLink(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Meeting') id: string,
    @UuidParam('participantId', 'Participant') participantId: string,
  ): Promise<void> {
    return this.guests.revokeLink(actor, id, participantId);
  }
}

@StaffController('guests', 'cases')
export class HealthStatementsController {
  constructor(private readonly guests: GuestsService) {}

  @Endpoint('GET :id/health-statements', {
    summary:
      "List the doctors' health statements of a case, newest first (health data); `meetingId`: those given for that meeting. Read by the case's responsible person, they leave the worklist",
    response: [200, HealthStatementList],
  })
  listHealthStatements(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZQuery(HealthDataQuery) q: HealthDataQuery,
  ): Promise<HealthStatementList> {
    return this.guests.healthStatements(actor, id, q);
  }

  @Endpoint('GET :id/own-assessments', {
    summary:
      "List the citizen's own health assessments of a case, newest first (health data); `meetingId`: those given for that meeting",
    response: [200, OwnAssessmentList],
  })
  listOwnAssessments(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZQuery(HealthDataQuery) q: HealthDataQuery,
  ): Promise<OwnAssessmentList> {
    return this.guests.ownAssessments(actor, id, q);
  }
}
