import { Injectable } from '@nestjs/common';
import type { AccessLog, AccessLogQuery } from '@tvaers/contracts';
import { pageMax } from '@tvaers/contracts';
import { z } from 'zod';
import { decodeCursor, pageFrom } from '../common/database/keyset';
import { AuditRepository } from './audit.repository';

/** The access log's sort key: the row's instant as PostgreSQL wrote it (µs kept) and its id. */
const AccessLogKey = z.tuple([
  z.string().refine((at) => !Number.isNaN(Date.parse(at))),
  z.string().regex(/^\d{1,19}$/),
]);

/** Pages of the access log: who read or changed a citizen's data, newest first. */
@Injectable()
export class AccessLogService {
  constructor(private readonly audit: AuditRepository) {}

  async page(citizenId: string, q: AccessLogQuery): Promise<AccessLog> {
    // A citizen reading their own log gets the largest page by default: it is one person's history.
    const limit = Math.min(q.limit ?? pageMax, pageMax);
    const before = q.cursor ? decodeCursor(q.cursor, AccessLogKey) : undefined;
    const rows = await this.audit.page(citizenId, {
      before: before && { at: before[0], id: before[1] },
      action: q.action,
      limit: limit + 1,
    });
    const page = pageFrom(rows, limit, (r) => [r.at_key, String(r.id)]);
    return {
      items: page.items.map((r) => ({
        at: new Date(r.at).toISOString(),
        actor: { id: r.actor_id, name: r.actor_name, kind: r.actor_kind },
        action: r.action,
        purpose: r.purpose,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
