import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { Me, SsoError } from '@tvaers/contracts';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { LessThan, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../config/config';
import { LOGGER } from '../common/logging/logger.provider';
import { ProblemError } from '../common/problem/problem';
import { PeopleService } from '../people/people.service';
import type { StaffEntity } from '../people/staff.entity';
import { AuthService } from './auth.service';
import { OidcFlowEntity } from './oidc-flow.entity';

/** How long a started sign-in may take at the identity provider. */
export const OIDC_FLOW_TTL_MS = 10 * 60_000;
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

const hash = (v: string) => createHash('sha256').update(v).digest('hex');

export type OidcResult = { ok: true; token: string; expiresAt: Date; user: Me } | { ok: false; error: SsoError };

/**
 * Staff sign-in through the municipality's identity provider (OpenID Connect, authorization code with PKCE).
 * It only proves who the person is: whether they may use Tværs, and with which roles and teams, stays here.
 */
@Injectable()
export class OidcService {
  private discovered?: Promise<oidc.Configuration>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(OidcFlowEntity) private readonly flows: Repository<OidcFlowEntity>,
    private readonly people: PeopleService,
    private readonly auth: AuthService,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return !!this.config.oidc;
  }

  /** Where the provider sends the browser back: configured, or the public base, or the address listened on (never Host). */
  redirectUri(): string {
    if (this.config.oidc?.redirectUri) return this.config.oidc.redirectUri;
    if (this.config.publicBaseUrl) return `${this.config.publicBaseUrl}${OIDC_CALLBACK_PATH}`;
    const address = (this.adapterHost.httpAdapter.getHttpServer() as { address(): AddressInfo | null }).address();
    return `http://localhost:${address?.port ?? this.config.port}${OIDC_CALLBACK_PATH}`;
  }

  /** Starts a sign-in: the provider's URL to send the browser to, and the flow's secret for its cookie. */
  async start(): Promise<{ url: string; flowSecret: string }> {
    const settings = this.settings();
    const provider = await this.provider(settings);
    const flowSecret = randomBytes(32).toString('base64url');
    const flow = {
      id: hash(flowSecret),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      expiresAt: new Date(Date.now() + OIDC_FLOW_TTL_MS),
    };
    await this.flows.insert(flow);
    // Started sign-ins nobody finished go with the next start (no schedule needed).
    await this.flows.delete({ expiresAt: LessThan(new Date()) });
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: this.redirectUri(),
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, flowSecret };
  }

  /**
   * Finishes a sign-in from the provider's answer (the callback's query) and the flow cookie: a Tværs session
   * for the matched active staff member, or why not. A flow is used once, whatever the outcome.
   */
  async finish(query: string, flowSecret: string | undefined, userAgent: string | undefined): Promise<OidcResult> {
    const settings = this.settings();
    const flow = flowSecret ? await this.takeFlow(hash(flowSecret)) : null;
    if (!flow) return { ok: false, error: 'failed' };
    let claims: { sub: string; email?: unknown; email_verified?: unknown };
    try {
      const provider = await this.provider(settings);
      const current = new URL(this.redirectUri());
      current.search = query;
      const tokens = await oidc.authorizationCodeGrant(provider, current, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) return { ok: false, error: 'failed' };
      claims = idClaims;
      // Providers may keep the e-mail out of the ID token and give it at the userinfo endpoint only.
      if (typeof claims.email !== 'string') {
        claims = { ...claims, ...(await oidc.fetchUserInfo(provider, tokens.access_token, idClaims.sub)) };
      }
    } catch (err) {
      // The provider's error, a forged or replayed answer: no detail of it reaches the browser.
      this.logger.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'OIDC sign-in failed');
      return { ok: false, error: 'failed' };
    }
    const staff = await this.match(settings, claims);
    if (!staff) {
      this.logger.info({ via: 'oidc' }, 'OIDC sign-in of a person unknown to Tværs refused');
      return { ok: false, error: 'unknown-user' };
    }
    const session = await this.auth.startSession(staff, 'oidc', userAgent);
    return { ok: true, ...session };
  }

  /** The active staff member these verified claims name, by subject or verified e-mail (see OIDC_MATCH). */
  private async match(
    settings: OidcConfig,
    claims: { sub: string; email?: unknown; email_verified?: unknown },
  ): Promise<StaffEntity | null> {
    if (settings.match === 'subject') {
      const bySubject = await this.people.findActiveBySubject(claims.sub);
      if (bySubject) return bySubject;
    }
    // An address the provider has not verified proves nothing about who holds it.
    if (typeof claims.email !== 'string' || claims.email_verified !== true) return null;
    const staff = await this.people.findActiveByEmail(claims.email.toLowerCase());
    if (!staff || settings.match === 'email') return staff;
    // First sign-in: the subject is kept, so a later change of e-mail at the provider still finds the person.
    if (staff.oidcSubject !== null) return null;
    return (await this.people.bindOidcSubject(staff.id, claims.sub)) ? staff : null;
  }

  private async takeFlow(id: string): Promise<OidcFlowEntity | null> {
    const rows: OidcFlowEntity[] = await this.flows.query(
      `WITH taken AS (DELETE FROM oidc_flow WHERE id = $1 RETURNING *)
         SELECT id, state, nonce, code_verifier AS "codeVerifier", expires_at AS "expiresAt" FROM taken
          WHERE expires_at > now()`,
      [id],
    );
    return rows[0] ?? null;
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new ProblemError(404, 'NOT_FOUND', 'Single sign-on is not configured here.');
    return this.config.oidc;
  }

  /** The provider's metadata, discovered once; a failed discovery is tried again at the next sign-in. */
  private provider(settings: OidcConfig): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
        // Plain http only for a provider outside production (a local one in tests or a demo).
        settings.issuer.startsWith('http:') && this.config.env !== 'production'
          ? { execute: [oidc.allowInsecureRequests] }
          : undefined,
      )
      .catch((err: unknown) => {
        this.discovered = undefined;
        throw err;
      });
    return this.discovered;
  }
}
