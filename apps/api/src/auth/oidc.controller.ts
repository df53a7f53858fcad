import { Controller, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthConfig, type SsoError } from '@tvaers/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Public } from '../common/auth/decorators';
import { cookieOptions, setSessionCookie } from '../common/auth/session-cookie';
import { Endpoint } from '../common/http/endpoint';
import { LOGGER } from '../common/logging/logger.provider';
import { OIDC_FLOW_TTL_MS, OidcService } from './oidc.service';

/** The started sign-in's secret; only sent back to the callback. */
const FLOW_COOKIE = 'tvaers_oidc';
const FLOW_COOKIE_PATH = '/api/auth/oidc/';

const toLogin = (error: SsoError) => `/login?sso=${error}`;

@ApiTags('auth')
@Controller()
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Public()
  @Endpoint('GET auth/config', {
    summary: "How staff log in here: the municipality's login (single sign-on) and whether Tværs passwords work",
    response: [200, AuthConfig],
  })
  getAuthConfig(): AuthConfig {
    return { sso: this.oidc.enabled, localPasswords: this.config.localPasswords };
  }

  @Public()
  @Endpoint('GET auth/oidc/login', {
    summary:
      "Start a login with the municipality's login: a redirect to the identity provider (authorization code with PKCE)",
    response: [302],
    problems: { 404: 'Single sign-on is not configured' },
  })
  async startOidcLogin(@Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const production = this.config.env === 'production';
    try {
      const { url, flowSecret } = await this.oidc.start();
      void reply.setCookie(FLOW_COOKIE, flowSecret, {
        // Lax: the provider sends the browser back with a top-level GET from its own site.
        ...cookieOptions(production, 'lax', new Date(Date.now() + OIDC_FLOW_TTL_MS)),
        path: FLOW_COOKIE_PATH,
      });
      void reply.header('cache-control', 'no-store').redirect(url, 302);
    } catch (err) {
      if (!this.oidc.enabled) throw err;
      this.logger.warn(
        { err: { name: (err as Error).name, message: (err as Error).message } },
        'the identity provider could not be reached',
      );
      void reply.header('cache-control', 'no-store').redirect(toLogin('failed'), 302);
    }
  }

  @Public()
  @Endpoint('GET auth/oidc/callback', {
    summary:
      "The identity provider's answer: a Tværs session for the matched active staff member and a redirect to the app, " +
      'otherwise a redirect to the login page with `?sso=unknown-user` or `?sso=failed`',
    response: [302],
    problems: { 404: 'Single sign-on is not configured' },
  })
  async finishOidcLogin(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    const result = await this.oidc.finish(query, req.cookies[FLOW_COOKIE], req.headers['user-agent']);
    void reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
    void reply.header('cache-control', 'no-store');
    if (!result.ok) {
      void reply.redirect(toLogin(result.error), 302);
      return;
    }
    void setSessionCookie(reply, this.config.secureCookies, result.token, result.expiresAt);
    void reply.redirect('/', 302);
  }
}
