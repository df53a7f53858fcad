import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** SMTP connections kept open and shared by the mail jobs running at once (a connection per mail was the limit). */
export const SMTP_CONNECTIONS = 8;

/** The SMTP connection pool (SMTP_URL) every mail of Tværs goes out by; null without it (demo: the outbox keeps mails). */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  readonly transport: Transporter | null;
  readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // What the URL says (e.g. `?pool=false`) wins over these.
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: SMTP_CONNECTIONS })
      : null;
    this.from = config.mailFrom;
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
