import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_DECISION_DAYS } from '@tvaers/domain';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An IP address or CIDR range; "true" is refused, since trusting every hop lets anyone forge X-Forwarded-For. */
function isProxyAddress(entry: string): boolean {
  const [ip, bits, ...rest] = entry.split('/');
  const family = isIP(ip);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * Five years after the last case closed: what Danish municipalities commonly keep a closed social case for
 * (the municipality's own retention plan decides; RETENTION_DAYS sets it).
 */
export const DEFAULT_RETENTION_DAYS = 1826;

/** Every environment variable Tværs reads; nothing else touches process.env. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./.data'),
  DEMO_MODE: bool.optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  CPR_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  DECISION_DAYS: z.coerce.number().int().min(1).max(90).default(DEFAULT_DECISION_DAYS),
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:/.test(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  JOB_WORKERS: bool.default(true),
  VIDEO_BASE_URL: z
    .string()
    .url()
    .refine((v) => /^https?:/.test(v), 'must be an http:// or https:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Tværs <no-reply@tvaers.local>'),
  /** The unit named in every meeting mail with the case team's municipality, so a doctor knows who asks. */
  UNIT_NAME: z.string().trim().min(2).max(100).default('Tværfaglig enhed'),
  GUEST_EMAIL_CODE: bool.optional(),
  DOCTOR_FEE_TEXT: z.string().trim().min(1).max(500).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  OIDC_ISSUER: z
    .string()
    .url()
    .refine((v) => /^https?:/.test(v), 'must be an http:// or https:// URL')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_MATCH: z.enum(['email', 'subject']).default('email'),
  LOCAL_PASSWORDS: z.enum(['on', 'off']).default('on'),
  /** Failed logins per client address (any e-mail) in 15 minutes; 0 turns the limit off. */
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).default(1000),
  /** Days after a citizen's last case closed before the citizen is anonymised; 0 or "off": never. */
  RETENTION_DAYS: z
    .string()
    .trim()
    .regex(/^(off|\d{1,5})$/, 'must be a number of days (0 or off: never anonymise)')
    .default(String(DEFAULT_RETENTION_DAYS))
    .transform((v) => (v === 'off' || Number(v) === 0 ? null : Number(v))),
  /** The size of `npm run seed:large` (1: the full municipality; e.g. 0.01 for a quick run). */
  SEED_SCALE: z.coerce.number().positive().max(1).default(1),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isProxyAddress), 'must be a comma-separated list of IP addresses or CIDR ranges'),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  /** The schema owner for migrations, seed and grants; DATABASE_URL's role then gets only the grants. */
  migrationDatabaseUrl?: string;
  dataDir: string;
  demoMode: boolean;
  publicBaseUrl?: string;
  /** A session's absolute lifetime from its login. */
  sessionTtlMs: number;
  /** A session ends this long after its last request. */
  sessionIdleMs: number;
  /** The session cookie is `__Host-` and `Secure`: production, or served over https (PUBLIC_BASE_URL). */
  secureCookies: boolean;
  cprKeyHex?: string;
  logLevel: string;
  webDist: string;
  embeddedPgPort: number;
  /** Where invitations and reminders are sent; without it (demo) they land in the outbox (GET /api/outbox). */
  smtpUrl?: string;
  mailFrom: string;
  /** The unit as meeting mails name it ("Tværfaglig enhed"); the municipality is the case team's. */
  unitName: string;
  /** Whether this process sends queued mails and reminders; every process can queue them. */
  jobWorkers: boolean;
  /** Proxies whose X-Forwarded-* headers are believed (addresses/CIDRs); empty: none, so they cannot be forged. */
  trustProxy: string[];
  /** A video server (e.g. a self-hosted Jitsi) where each new meeting gets a room of its own; none: no rooms. */
  videoBaseUrl?: string;
  /**
   * Guest links show health data only after a one-time code sent to the guest's e-mail (GUEST_EMAIL_CODE);
   * never in demo mode, whose guests have made-up addresses.
   */
  guestEmailCode: boolean;
  /** The fee line shown on a doctor's link (DOCTOR_FEE_TEXT), e.g. which service of the agreement pays the meeting. */
  doctorFeeText?: string;
  /** Days the municipality gives itself to decide a citizen's request (its own service target). */
  decisionDays: number;
  /** Sign-in through the municipality's identity provider (OpenID Connect); none: not offered. */
  oidc?: OidcConfig;
  /** Whether staff may log in with a Tværs password (LOCAL_PASSWORDS); off only next to single sign-on. */
  localPasswords: boolean;
  /** Failed logins per client address in 15 minutes, any e-mail; high, as a town hall may share one address; 0: off. */
  loginFailuresPerAddress: number;
  /** Days after a citizen's last case closed before the retention job anonymises them; null: never. */
  retentionDays: number | null;
  /** `npm run seed:large`'s size: 1 is the full large municipality (SEED_SCALE). */
  seedScale: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** None: a public client, PKCE alone. */
  clientSecret?: string;
  /** Where the provider sends the browser back; undefined: `<public base>/api/auth/oidc/callback`. */
  redirectUri?: string;
  /** How a signed-in person is found: by the provider's verified e-mail, or by its subject (kept at the first match by e-mail). */
  match: 'email' | 'subject';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.MIGRATION_DATABASE_URL && !e.DATABASE_URL) {
    throw new Error(
      'Invalid configuration:\n  MIGRATION_DATABASE_URL: needs DATABASE_URL (the embedded database has its own roles)',
    );
  }
  // Demo data is the default for a local start and never on in production unless asked for.
  const demoMode = e.DEMO_MODE ?? e.NODE_ENV !== 'production';
  const guestEmailCode = (e.GUEST_EMAIL_CODE ?? false) && !demoMode;
  if (guestEmailCode && !e.SMTP_URL) {
    // Without SMTP a mail lands in the staff's outbox: a code read there proves nothing about the guest.
    throw new Error('Invalid configuration:\n  GUEST_EMAIL_CODE: needs SMTP_URL (codes are sent by e-mail)');
  }
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) {
    throw new Error('Invalid configuration:\n  OIDC_CLIENT_ID: needed with OIDC_ISSUER');
  }
  if (e.OIDC_ISSUER?.startsWith('http:') && e.NODE_ENV === 'production') {
    throw new Error('Invalid configuration:\n  OIDC_ISSUER: must be an https:// URL in production');
  }
  if (e.LOCAL_PASSWORDS === 'off' && !e.OIDC_ISSUER) {
    // Nobody could log in at all.
    throw new Error('Invalid configuration:\n  LOCAL_PASSWORDS: off needs single sign-on (OIDC_ISSUER)');
  }
  const oidc: OidcConfig | undefined =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          redirectUri: e.OIDC_REDIRECT_URI,
          match: e.OIDC_MATCH,
        }
      : undefined;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    // The demo, with its published password, is reachable from this machine only unless asked for.
    host: e.HOST ?? (demoMode ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    demoMode,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    secureCookies: e.NODE_ENV === 'production' || /^https:/i.test(e.PUBLIC_BASE_URL ?? ''),
    cprKeyHex: e.CPR_ENCRYPTION_KEY,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST ?? path.join(__dirname, '..', '..', '..', 'web', 'dist')),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    unitName: e.UNIT_NAME,
    jobWorkers: e.JOB_WORKERS,
    videoBaseUrl: e.VIDEO_BASE_URL?.replace(/\/+$/, ''),
    decisionDays: e.DECISION_DAYS,
    oidc,
    localPasswords: e.LOCAL_PASSWORDS === 'on',
    trustProxy: e.TRUST_PROXY,
    loginFailuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
    retentionDays: e.RETENTION_DAYS,
    seedScale: e.SEED_SCALE,
    guestEmailCode,
    doctorFeeText:
      e.DOCTOR_FEE_TEXT ??
      (demoMode ? 'Mødet honoreres efter overenskomstens ydelse 2101 (tværfagligt møde).' : undefined),
  };
}

/**
 * What the server needs besides what the commands (migrate, create-admin) need: in production PUBLIC_BASE_URL,
 * as links in mails to doctors and citizens must name the public address, never one a request claimed.
 */
export function assertServerConfig(config: AppConfig): void {
  if (config.env === 'production' && !config.publicBaseUrl) {
    throw new Error(
      'Invalid configuration:\n  PUBLIC_BASE_URL: required in production (the public https address, e.g. https://tvaers.kommune.dk)',
    );
  }
}

/**
 * The base of every link Tværs makes (guest links, password links, mails): PUBLIC_BASE_URL, else the address it
 * listens on (`port`: the one actually bound, when known), never a request's Host header, which the client chose.
 */
export function linkBase(config: Pick<AppConfig, 'publicBaseUrl' | 'host' | 'port'>, port = config.port): string {
  if (config.publicBaseUrl) return config.publicBaseUrl;
  const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
