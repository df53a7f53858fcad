import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { eventually } from './wait';

/** A mail as it arrived: the envelope's recipients and the raw message. */
export interface Captured {
  to: string[];
  raw: string;
}

export interface LocalSmtp {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** Every mail that has arrived so far (read anew on each access). */
  readonly inbox: Captured[];
}

/**
 * The run's one real SMTP server (global setup), keeping each mail as a file in `dir`. One for all test files:
 * the mail queue lives in the shared database, so a job queued by one file's app may be sent by another's worker.
 */
export async function startCaptureServer(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail: Captured = {
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        // Written whole, then renamed: a reader never sees half a mail.
        const file = path.join(dir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(mail));
        fs.renameSync(`${file}.tmp`, `${file}.json`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}

/** The run's SMTP server and what it has received; tests pick their mails by recipient (addresses are unique). */
export function testSmtp(): LocalSmtp {
  const url = process.env.TEST_SMTP_URL;
  const dir = process.env.TEST_MAIL_DIR;
  if (!url || !dir) throw new Error('TEST_SMTP_URL/TEST_MAIL_DIR are set by tests/support/global-setup.ts');
  return {
    url,
    get inbox() {
      return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Captured);
    },
  };
}

/** One MIME leaf part of a caught mail, decoded (base64 or quoted-printable). */
export interface MailPart {
  type: string;
  body: string;
}

/** The MIME leaf parts of a raw message, decoded: what a mail client shows of it. */
export function mailParts(raw: string): MailPart[] {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((m) => m[1]);
  let chunks = [raw];
  for (const b of boundaries) chunks = chunks.flatMap((c) => c.split(`--${b}`));
  return chunks.flatMap((chunk) => {
    const at = chunk.indexOf('\r\n\r\n');
    if (at < 0) return [];
    const head = chunk.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '';
    if (!type || /multipart/i.test(type)) return [];
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
    const body = chunk.slice(at + 4);
    const decoded =
      encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : encoding === 'quoted-printable'
          ? Buffer.from(
              body
                .replace(/=\r\n/g, '')
                .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            ).toString('utf8')
          : body;
    return [{ type, body: decoded }];
  });
}

/** The mail's plain text. */
export const mailText = (mail: Captured) => mailParts(mail.raw).find((p) => /text\/plain/i.test(p.type))?.body ?? '';

/** The guest link's token in a mail's text (`…/m/<token>`), if it carries one. */
export const guestTokenIn = (mail: Captured) => /\/m\/([A-Za-z0-9_-]{43})/.exec(mailText(mail))?.[1];

/**
 * Waits until `count` mails to `address` (whose text contains `marker`, if given) have arrived: the worker
 * sends them from the job queue. Fails with how many came when they do not arrive in time.
 */
export async function mailsTo(
  address: string,
  count = 1,
  { marker, timeoutMs = 20_000 }: { marker?: string; timeoutMs?: number } = {},
): Promise<Captured[]> {
  const smtp = testSmtp();
  const found = () => smtp.inbox.filter((m) => m.to.includes(address) && (!marker || mailText(m).includes(marker)));
  return eventually(
    () => `${count} mails to ${address}: ${found().length} arrived`,
    () => {
      const mails = found();
      return mails.length >= count ? mails : undefined;
    },
    timeoutMs,
  );
}
