import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';

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
