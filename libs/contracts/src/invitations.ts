import { z } from 'zod';
import { instant, uuid } from './common';

/** A mail Tværs kept instead of sending it, as no SMTP server is configured (demo): one addressed to you. */
export const OutboxMail = z.object({
  id: uuid,
  meetingId: uuid,
  recipient: z.string(),
  subject: z.string(),
  text: z.string(),
  /** The iCalendar attachment, when the mail had one. */
  ics: z.string().nullable(),
  createdAt: instant,
});
export type OutboxMail = z.infer<typeof OutboxMail>;

/** `active`: no SMTP server is configured, so mails are kept here (demo); with one, mails are sent and none kept. */
export const OutboxMailList = z.object({ active: z.boolean(), items: z.array(OutboxMail) });
export type OutboxMailList = z.infer<typeof OutboxMailList>;
