import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LoginRequest, LoginResponse, Me } from '@tvaers/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { StaffActor } from '../common/auth/actor';
import { Actor, Public, StaffOnly } from '../common/auth/decorators';
import { SESSION_COOKIE } from '../common/auth/session-cookie';
import { ZBody, ZResponse } from '../common/validation/zod';
import { ApiProblem } from '../common/http/openapi';
import { AuthService } from './auth.service';
import { LoginThrottledError } from './login-throttle';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @ApiOperation({ summary: 'Log in with e-mail and password' })
  @ApiProblem(401, 'E-mail or password is wrong')
  @ApiProblem(429, 'Too many failed logins for this e-mail or address', {
    'Retry-After': { description: 'Seconds until the next try', schema: { type: 'integer' } },
  })
  @HttpCode(200)
  @ZResponse(200, LoginResponse)
  async login(
    @ZBody(LoginRequest) body: LoginRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const { token, user, expiresAt } = await this.auth.login(body, req.ip).catch((err: unknown) => {
      if (err instanceof LoginThrottledError) void reply.header('retry-after', String(err.retryAfterSeconds));
      throw err;
    });
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.env === 'production',
      path: '/',
      expires: expiresAt,
    });
    return { user };
  }

  @Public()
  @Post('auth/logout')
  @ApiOperation({ summary: 'Log out and end the session' })
  @HttpCode(204)
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(req.cookies[SESSION_COOKIE]);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @StaffOnly()
  @Get('me')
  @ApiOperation({ summary: 'Read the logged-in staff member' })
  @ZResponse(200, Me)
  me(@Actor() actor: StaffActor): Me {
    return this.auth.me(actor);
  }
}
