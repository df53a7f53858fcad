import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ActorKind } from './audit-entry.entity';

export interface AuditPageRow {
  id: string;
  at: Date;
  at_key: string;
  actor_kind: ActorKind;
  actor_id: string | null;
  actor_name: string;
  action: string;
  purpose: string | null;
}

/** Reads the append-only access log; rows are written only through the access module. */
@Injectable()
export class AuditRepository {
  constructor(private readonly ds: DataSource) {}

  /** Newest first, keyset-paged on (at, id) so no row is skipped or repeated between pages. */
  page(
    citizenId: string,
    q: { before?: { at: string; id: string }; action?: string; limit: number },
  ): Promise<AuditPageRow[]> {
    return this.ds.query(
      `SELECT id, at, at::text AS at_key, actor_kind, actor_id, actor_name, action, purpose
         FROM audit_entry
        WHERE citizen_id = $1
          AND ($2::text IS NULL OR action = $2)
          AND ($3::timestamptz IS NULL OR (at, id) < ($3::timestamptz, $4::bigint))
        ORDER BY at DESC, id DESC
        LIMIT $5`,
      [citizenId, q.action ?? null, q.before?.at ?? null, q.before?.id ?? null, q.limit],
    );
  }
}
