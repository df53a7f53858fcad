import { Controller, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LoginRequest, LoginResponse, Me, SetPasswordRequest } from '@tvaers/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { StaffActor } from '../common/auth/actor';
import { Actor, Public, StaffOnly } from '../common/auth/decorators';
import { cookieOptions, SESSION_COOKIE } from '../common/auth/session-cookie';
import { ZBody } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';
import { AuthService } from './auth.service';
import { LoginThrottledError } from './login-throttle';

/** A throttled attempt's answer says when to try again. */
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
  @Endpoint({
    method: 'POST',
    path: 'auth/login',
    summary:
      'Log in with e-mail and password; the first login after a set-password link an administrator issued says who and when (`passwordNotice`, once)',
    response: [200, LoginResponse],
    problems: {
      401: 'E-mail or password is wrong',
      429: {
        description: 'Too many failed logins for this e-mail or address',
        headers: { 'Retry-After': { description: 'Seconds until the next try', schema: { type: 'integer' } } },
      },
    },
  })
  async login(
    @ZBody(LoginRequest) body: LoginRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const { token, user, expiresAt, passwordNotice } = await this.auth.login(body, req.ip).catch(retryAfter(reply));
    void reply.setCookie(SESSION_COOKIE, token, cookieOptions(this.config.env === 'production', 'lax', expiresAt));
    return { user, passwordNotice };
  }

  @Public()
  @Endpoint({ method: 'POST', path: 'auth/logout', summary: 'Log out and end the session', response: [204] })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(req.cookies[SESSION_COOKIE]);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Public()
  @Endpoint({
    method: 'POST',
    path: 'auth/set-password',
    summary:
      'Set a password with a one-time link from an administrator; the link is checked before the password, which must be at least 12 characters and not common',
    response: [204],
    problems: {
      400: 'The link is unknown, used or expired (`PASSWORD_LINK_INVALID`), or the password is too short or too common (`PASSWORD_TOO_COMMON`)',
      429: {
        description: 'Too many tries for this link or from this address',
        headers: { 'Retry-After': { description: 'Seconds until the next try', schema: { type: 'integer' } } },
      },
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
  @Endpoint({ method: 'GET', path: 'me', summary: 'Read the logged-in staff member', response: [200, Me] })
  me(@Actor() actor: StaffActor): Me {
    return this.auth.me(actor);
  }
}
