import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { GuestCodeSent } from '@tvaers/contracts';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logger.provider';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MailTransport } from '../mail/mail-transport';
import { GuestCodesRepository } from './guest-codes.repository';
import { GuestThrottle } from './guest-throttle';
import { guestCodeExpired, guestCodeInvalid, guestEmailMissing } from './guests.errors';

export const GUEST_CODE_TTL_MS = 10 * 60_000;
export const GUEST_CODE_MAX_ATTEMPTS = 5;
/** How long a browser that gave the right code stays verified: a working day. */
export const GUEST_VERIFIED_TTL_MS = 8 * 3600_000;
/** Path `/`: the live room's socket handshake must carry it too. HttpOnly and SameSite=Strict. */
export const GUEST_VERIFIED_COOKIE = 'tvaers_guest';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const codeHash = (participantId: string, code: string) => sha256(`${participantId}:${code}`);

/** `l***@example.dk`: enough to recognise one's own address, not enough to learn someone's. */
export const maskEmail = (email: string) => {
  const at = email.lastIndexOf('@');
  return at < 1 ? '***' : `${email[0]}***${email.slice(at)}`;
};

/** Who a code is for: a link's holder. */
export interface CodeHolder {
  participantId: string;
  name: string;
  email: string | null;
}

/**
 * The municipality's optional second factor for guest links (GUEST_EMAIL_CODE): a 6-digit code mailed to the
 * participant's address, kept as a hash for 10 minutes and 5 tries. The right code gives the browser a secret
 * (cookie) bound to the link; until then a link shows the meeting, never health data.
 */
@Injectable()
export class GuestCodes {
  constructor(
    private readonly repo: GuestCodesRepository,
    private readonly throttle: GuestThrottle,
    private readonly mail: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get required(): boolean {
    return this.config.guestEmailCode;
  }

  /** Whether a request may see health data: the gate is off, or its browser verified this link. */
  async passes(secret: string | undefined, linkHash: Buffer, now = new Date()): Promise<boolean> {
    if (!this.required) return true;
    if (!secret || secret.length > 100) return false;
    return this.repo.isVerified(sha256(secret), linkHash, now);
  }

  async send(holder: CodeHolder, now = new Date()): Promise<GuestCodeSent> {
    if (!holder.email) throw guestEmailMissing();
    const transport = this.mail.transport;
    if (!transport) throw new Error('GUEST_EMAIL_CODE without SMTP_URL');
    await this.throttle.reserveCodeMail(holder.participantId, now);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + GUEST_CODE_TTL_MS);
    await this.repo.replaceCode(holder.participantId, codeHash(holder.participantId, code), expiresAt);
    // Sent at once, not through the job queue: a queued job would keep the code readable in the database.
    await transport.sendMail({
      from: this.mail.from,
      to: { name: holder.name, address: holder.email },
      subject: 'Din kode til Tværs',
      text: [
        `Din engangskode er: ${code}`,
        '',
        'Skriv den på siden med mødet. Koden gælder i 10 minutter.',
        'Har du ikke bedt om en kode, kan du se bort fra denne mail.',
      ].join('\n'),
    });
    return { emailHint: maskEmail(holder.email), expiresAt: expiresAt.toISOString() };
  }

  /** Checks a code; the right one is used up and answers the browser's new secret. */
  async verify(
    participantId: string,
    linkHash: Buffer,
    code: string,
    now = new Date(),
  ): Promise<{ secret: string; expiresAt: Date }> {
    const stored = await this.repo.tryCode(participantId, now, GUEST_CODE_MAX_ATTEMPTS);
    if (!stored) throw guestCodeExpired();
    if (!timingSafeEqual(stored, codeHash(participantId, code))) {
      const left = await this.repo.triesLeft(participantId, GUEST_CODE_MAX_ATTEMPTS);
      throw left > 0 ? guestCodeInvalid(left) : guestCodeExpired();
    }
    await this.repo.deleteCode(participantId);
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + GUEST_VERIFIED_TTL_MS);
    await this.repo.addVerification({ tokenHash: sha256(secret), participantId, linkHash, expiresAt });
    return { secret, expiresAt };
  }

  @Interval('guest-code-prune', 10 * 60_000)
  async prune(now = new Date()): Promise<void> {
    try {
      await this.repo.deleteEnded(now);
    } catch (err) {
      this.logger.warn({ err }, 'pruning guest codes failed');
    }
  }
}
