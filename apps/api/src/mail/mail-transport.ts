import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** The SMTP connection (SMTP_URL) every mail of Tværs goes out by; null without it (demo: the outbox keeps mails). */
@Injectable()
export class MailTransport {
  readonly transport: Transporter | null;
  readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
    this.from = config.mailFrom;
  }
}
