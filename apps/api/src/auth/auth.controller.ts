import { Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LoginRequest, LoginResponse, Me, SetPasswordRequest, StaffSessionList } from '@tvaers/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { StaffActor } from '../common/auth/actor';
import { Actor, Public, StaffOnly } from '../common/auth/decorators';
import { setSessionCookie } from '../common/auth/session-cookie';
import { notFound } from '../common/problem/problem';
import { ZBody } from '../common/validation/zod';
import { Endpoint, type Problem } from '../common/http/endpoint';
import { AuthService } from './auth.service';
import { LoginThrottledError } from './login-throttle';

/** A throttled attempt's answer says when to try again: its problem documents the header retryAfter sets. */
const throttled = (description: string): Problem => ({
  description,
  headers: { 'Retry-After': { description: 'Seconds until the next try', schema: { type: 'integer' } } },
});
const retryAfter =
  (reply: FastifyReply) =>
  (err: unknown): never => {
    if (err instanceof LoginThrottledError) void reply.header('retry-after', String(err.retryAfterSeconds));
    throw err;
  };

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Endpoint('POST auth/login', {
    summary:
      'Log in with e-mail and password; the first login after a set-password link an administrator issued says who and when (`passwordNotice`, once)',
    response: [200, LoginResponse],
    problems: {
      401: 'E-mail or password is wrong',
      403: "Passwords are switched off (LOCAL_PASSWORDS=off): log in with the municipality's login",
      429: throttled('Too many failed logins for this e-mail or address'),
    },
  })
  async login(
    @ZBody(LoginRequest) body: LoginRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const { token, user, expiresAt, passwordNotice } = await this.auth
      .login(body, req.ip, req.headers['user-agent'])
      .catch(retryAfter(reply));
    void setSessionCookie(reply, this.config.secureCookies, token, expiresAt);
    return { user, passwordNotice };
  }

  @Public()
  @Endpoint('POST auth/logout', {
    summary: 'Log out and end the session',
    response: [204],
  })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(req.cookies[this.auth.cookieName]);
    this.clearCookie(reply);
  }

  @StaffOnly()
  @Endpoint('GET auth/sessions', {
    summary:
      "List the logged-in person's own live sessions (created, last used, browser and system, which is this one)",
    response: [200, StaffSessionList],
  })
  async listSessions(@Actor() actor: StaffActor): Promise<StaffSessionList> {
    return { items: await this.auth.mySessions(actor) };
  }

  @StaffOnly()
  @Endpoint('DELETE auth/sessions/:id', {
    summary: "End one of the logged-in person's own sessions (and its open live connections)",
    response: [204],
    problems: { 404: 'No such session of yours' },
  })
  async endSession(
    @Actor() actor: StaffActor,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(id)) throw notFound('Session');
    await this.auth.endMySession(actor, id);
    if (id === actor.sessionId) this.clearCookie(reply);
  }

  @StaffOnly()
  @Endpoint('POST auth/sessions/logout-all', {
    summary: 'Log out everywhere: end every session of the logged-in person, this one included',
    response: [204],
  })
  async logoutEverywhere(@Actor() actor: StaffActor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.endSessionsOf(actor.id);
    this.clearCookie(reply);
  }

  private clearCookie(reply: FastifyReply): void {
    void reply.clearCookie(this.auth.cookieName, { path: '/', secure: this.config.secureCookies });
  }

  @Public()
  @Endpoint('POST auth/set-password', {
    summary:
      'Set a password with a one-time link from an administrator; the link is checked before the password, which must be at least 12 characters and not common',
    response: [204],
    problems: {
      400: 'The link is unknown, used or expired (`PASSWORD_LINK_INVALID`), or the password is too short or too common (`PASSWORD_TOO_COMMON`)',
      429: throttled('Too many tries for this link or from this address'),
    },
  })
  async setPassword(
    @ZBody(SetPasswordRequest) body: SetPasswordRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.setPassword(body, req.ip).catch(retryAfter(reply));
  }

  @StaffOnly()
  @Endpoint('GET me', {
    summary: 'Read the logged-in staff member',
    response: [200, Me],
  })
  getMe(@Actor() actor: StaffActor): Me {
    return this.auth.me(actor);
  }
}
