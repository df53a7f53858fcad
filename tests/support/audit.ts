import type { DataSource } from 'typeorm';

/** Columns of the access log (audit_entry) to count rows by; `action` may be a list of actions. */
export interface AuditFilter {
  citizenId?: string;
  actorId?: string;
  entityId?: string;
  action?: string | string[];
}

const COLUMNS = { citizenId: 'citizen_id', actorId: 'actor_id', entityId: 'entity_id', action: 'action' } as const;

/** How many access-log rows match every column given. */
export async function auditCount(ds: Pick<DataSource, 'query'>, filter: AuditFilter): Promise<number> {
  const params: unknown[] = [];
  const where = Object.entries(COLUMNS).flatMap(([key, column]) => {
    const value = filter[key as keyof AuditFilter];
    if (value === undefined) return [];
    params.push(value);
    return [Array.isArray(value) ? `${column} = ANY($${params.length})` : `${column} = $${params.length}`];
  });
  const [{ n }] = await ds.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM audit_entry WHERE ${where.join(' AND ')}`,
    params,
  );
  return n;
}
