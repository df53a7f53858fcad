import { OutboxMailList } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

/** The demo outbox: mails to the caller kept instead of sent; `active` is false when an SMTP server sends them. */
export function fetchOutbox(signal?: AbortSignal): Promise<OutboxMailList> {
  return unwrap(api.GET('/api/outbox', { signal }), OutboxMailList);
}
