import { Injectable } from '@nestjs/common';
import type { AccessLog, AccessLogQuery } from '@tvaers/contracts';
import { validationFailed } from '../common/problem/problem';
import { AuditRepository } from './audit.repository';

const PAGE = 100;

const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && /^\d{1,19}$/.test(id)) {
      return { at, id };
    }
  } catch {
    // falls through to the 400 below
  }
  throw validationFailed([{ path: 'cursor', message: 'not a cursor this API gave out' }]);
}

/** Pages of the access log: who read or changed a citizen's data, newest first. */
@Injectable()
export class AccessLogService {
  constructor(private readonly audit: AuditRepository) {}

  async page(citizenId: string, q: AccessLogQuery): Promise<AccessLog> {
    const limit = Math.min(q.limit ?? PAGE, PAGE);
    const rows = await this.audit.page(citizenId, {
      before: q.cursor ? decodeCursor(q.cursor) : undefined,
      action: q.action,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        at: new Date(r.at).toISOString(),
        actor: { id: r.actor_id, name: r.actor_name, kind: r.actor_kind },
        action: r.action,
        purpose: r.purpose,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.at_key, String(last.id)) : null,
    };
  }
}
