import { Controller, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AccessLog,
  AccessLogQuery,
  ChooseTime,
  CreateHealthStatement,
  CreateOwnAssessment,
  GuestMeeting,
  GuestSelf,
  GuestView,
  HealthStatement,
  OwnAssessment,
  RespondToMeeting,
} from '@tvaers/contracts';
import type { FastifyRequest } from 'fastify';
import { Public } from '../common/auth/decorators';
import { Endpoint } from '../common/http/endpoint';
import { ZBody, ZQuery } from '../common/validation/zod';
import { type GuestRequest, GuestsService } from './guests.service';

const LINK = {
  404: 'The link is unknown, revoked or expired',
  429: 'Too many requests from this address',
};
const guest = (token: string, req: FastifyRequest): GuestRequest => ({ token, address: req.ip });

/** The routes a guest link opens: no session, the token in the path is the credential. */
@ApiTags('guest')
@Public()
@Controller('guest/:token')
export class GuestsController {
  constructor(private readonly guests: GuestsService) {}

  @Endpoint({
    method: 'GET',
    summary: 'Read the meeting a guest link opens, with the plan excerpt the citizen shares',
    response: [200, GuestView],
    problems: LINK,
  })
  view(@Param('token') token: string, @Req() req: FastifyRequest): Promise<GuestView> {
    return this.guests.view(guest(token, req));
  }

  @Endpoint({
    method: 'POST',
    path: 'choose',
    summary: 'Choose one of the proposed times (the doctor)',
    response: [200, GuestMeeting],
    problems: {
      ...LINK,
      400: 'The time is not one of the proposals (`NOT_A_PROPOSED_TIME`)',
      403: "Only the doctor's link chooses",
      409: 'The meeting is no longer proposed (`MEETING_NOT_PROPOSED`)',
    },
  })
  choose(@Param('token') token: string, @Req() req: FastifyRequest, @ZBody(ChooseTime) body: ChooseTime) {
    return this.guests.choose(guest(token, req), body);
  }

  @Endpoint({
    method: 'POST',
    path: 'response',
    summary: 'Accept or decline the meeting',
    response: [200, GuestSelf],
    problems: LINK,
  })
  respond(@Param('token') token: string, @Req() req: FastifyRequest, @ZBody(RespondToMeeting) body: RespondToMeeting) {
    return this.guests.respond(guest(token, req), body);
  }

  @Endpoint({
    method: 'POST',
    path: 'health-statement',
    summary: "Give the doctor's health statement (stored on the case)",
    response: [201, HealthStatement],
    problems: { ...LINK, 403: "Only the doctor's link gives a health statement" },
  })
  healthStatement(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @ZBody(CreateHealthStatement) body: CreateHealthStatement,
  ) {
    return this.guests.addHealthStatement(guest(token, req), body);
  }

  @Endpoint({
    method: 'POST',
    path: 'own-assessment',
    summary: "Give the citizen's own health assessment",
    response: [201, OwnAssessment],
    problems: { ...LINK, 403: "Only the citizen's link gives an own assessment" },
  })
  ownAssessment(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @ZBody(CreateOwnAssessment) body: CreateOwnAssessment,
  ) {
    return this.guests.addOwnAssessment(guest(token, req), body);
  }

  @Endpoint({
    method: 'GET',
    path: 'access-log',
    summary: "Read who read or changed the citizen's data (the citizen's own link)",
    response: [200, AccessLog],
    problems: { ...LINK, 403: "Only the citizen's own link reads the access log" },
  })
  accessLog(@Param('token') token: string, @Req() req: FastifyRequest, @ZQuery(AccessLogQuery) query: AccessLogQuery) {
    return this.guests.accessLog(guest(token, req), query);
  }
}
