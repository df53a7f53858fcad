import { Controller, createParamDecorator, type ExecutionContext, Inject, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AccessLog,
  AccessLogQuery,
  ChooseTime,
  CreateHealthStatement,
  CreateOwnAssessment,
  GuestCodeSent,
  GuestMeeting,
  GuestSelf,
  GuestView,
  HealthStatement,
  MeetingNotes,
  OwnAssessment,
  RespondToMeeting,
  VerifyGuestCode,
} from '@tvaers/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/auth/decorators';
import { cookieOptions } from '../common/auth/session-cookie';
import { Endpoint } from '../common/http/endpoint';
import { ZBody, ZQuery } from '../common/validation/zod';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { GUEST_VERIFIED_COOKIE } from './guest-codes';
import { type GuestRequest, GuestsService } from './guests.service';

const LINK = {
  404: 'The link is unknown, revoked or expired',
  429: 'Too many requests from this address',
};
/** The one-time code's routes: a link needing none has none to send or verify. */
const CODE = { ...LINK, 404: 'The link is unknown, revoked or expired, or no code is required' };
/** Who calls through the link: the token in the path, the address and this browser's code cookie. */
const Guest = createParamDecorator((_: unknown, ctx: ExecutionContext): GuestRequest => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest<{ Params: { token: string } }>>();
  return { token: req.params.token, address: req.ip, verification: req.cookies[GUEST_VERIFIED_COOKIE] };
});

/** The routes a guest link opens: no session, the token in the path is the credential. */
@ApiTags('guests')
@Public()
@ApiParam({ name: 'token', type: String })
@Controller('guest/:token')
export class GuestsController {
  constructor(
    private readonly guests: GuestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Endpoint('GET', {
    summary:
      'Read the meeting a guest link opens, with the plan excerpt the citizen shares (through a link shown to staff: no more than that staff member may see, `limitedBy`)',
    response: [200, GuestView],
    problems: LINK,
  })
  getGuestView(@Guest() guest: GuestRequest): Promise<GuestView> {
    return this.guests.view(guest);
  }

  @Endpoint('POST code', {
    summary: "Mail a one-time code to the guest's e-mail (where the municipality requires one: GUEST_EMAIL_CODE)",
    response: [200, GuestCodeSent],
    problems: {
      ...CODE,
      409: 'No e-mail address is on file for the participant (`GUEST_EMAIL_MISSING`)',
      429: 'Too many requests from this address, or too many codes for this participant',
    },
  })
  sendGuestCode(@Guest() guest: GuestRequest): Promise<GuestCodeSent> {
    return this.guests.sendCode(guest);
  }

  @Endpoint('POST verify', {
    summary: 'Give the one-time code: this browser may then see the health data of this link (a cookie, 8 hours)',
    response: [204],
    problems: {
      ...CODE,
      400: 'The code is wrong (`GUEST_CODE_INVALID`), or expired or tried 5 times (`GUEST_CODE_EXPIRED`)',
    },
  })
  async verifyGuestCode(
    @Guest() guest: GuestRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ZBody(VerifyGuestCode) body: VerifyGuestCode,
  ): Promise<void> {
    const { secret, expiresAt } = await this.guests.verifyCode(guest, body);
    // SameSite=Strict: the cookie lets this browser see health data, so no other site's request may carry it.
    void reply.setCookie(GUEST_VERIFIED_COOKIE, secret, cookieOptions(this.config.secureCookies, 'strict', expiresAt));
  }

  @Endpoint('POST choose', {
    summary: 'Choose one of the proposed times (the doctor)',
    response: [200, GuestMeeting],
    problems: {
      ...LINK,
      400: 'The time is not one of the proposals (`NOT_A_PROPOSED_TIME`)',
      403: "Only the doctor's link chooses",
      409: 'The meeting is no longer proposed (`MEETING_NOT_PROPOSED`)',
    },
  })
  chooseMeetingTime(@Guest() guest: GuestRequest, @ZBody(ChooseTime) body: ChooseTime) {
    return this.guests.choose(guest, body);
  }

  @Endpoint('POST response', {
    summary: 'Accept or decline the meeting',
    response: [200, GuestSelf],
    problems: LINK,
  })
  respondAsGuest(@Guest() guest: GuestRequest, @ZBody(RespondToMeeting) body: RespondToMeeting) {
    return this.guests.respond(guest, body);
  }

  @Endpoint('POST health-statement', {
    summary: "Give the doctor's health statement (stored on the case)",
    response: [201, HealthStatement],
    problems: {
      ...LINK,
      403: "Only the doctor's link gives a health statement; or the code is required first (`GUEST_CODE_REQUIRED`)",
    },
  })
  giveHealthStatement(@Guest() guest: GuestRequest, @ZBody(CreateHealthStatement) body: CreateHealthStatement) {
    return this.guests.addHealthStatement(guest, body);
  }

  @Endpoint('POST own-assessment', {
    summary: "Give the citizen's own health assessment",
    response: [201, OwnAssessment],
    problems: {
      ...LINK,
      403: "Only the citizen's link gives an own assessment; or the code is required first (`GUEST_CODE_REQUIRED`)",
    },
  })
  giveOwnAssessment(@Guest() guest: GuestRequest, @ZBody(CreateOwnAssessment) body: CreateOwnAssessment) {
    return this.guests.addOwnAssessment(guest, body);
  }

  @Endpoint('GET notes', {
    summary: "Read the meeting's shared notes as text, also once it is held (read-only then)",
    response: [200, MeetingNotes],
    problems: {
      ...LINK,
      403: 'The one-time code is required first (`GUEST_CODE_REQUIRED`)',
      404: 'The link is unknown, revoked or expired, or the notes are not shared with this guest',
    },
  })
  getGuestNotes(@Guest() guest: GuestRequest): Promise<MeetingNotes> {
    return this.guests.meetingNotes(guest);
  }

  @Endpoint('GET access-log', {
    summary: "Read who read or changed the citizen's data (the citizen's own link)",
    response: [200, AccessLog],
    problems: {
      ...LINK,
      403: "Only the citizen's own link reads the access log; or the code is required first (`GUEST_CODE_REQUIRED`); or the link was shown to a staff member who reads no access logs (`GUEST_LINK_LIMITED`: the link mailed to the citizen opens it)",
    },
  })
  getGuestAccessLog(@Guest() guest: GuestRequest, @ZQuery(AccessLogQuery) query: AccessLogQuery) {
    return this.guests.accessLog(guest, query);
  }
}
