import type { EntityManager } from 'typeorm';

/**
 * An access-log row of a change made outside the app (a CLI command, as `system`), in the caller's transaction:
 * the CLI has no access module to write it.
 */
export async function recordSystemEntry(
  em: EntityManager,
  row: { actorName: string; action: string; entity: string; entityId: string; details: Record<string, unknown> },
): Promise<void> {
  await em.query(
    `INSERT INTO audit_entry (actor_kind, actor_id, actor_name, citizen_id, action, entity, entity_id, details)
       VALUES ('system', NULL, $1, NULL, $2, $3, $4, $5)`,
    [row.actorName, row.action, row.entity, row.entityId, JSON.stringify(row.details)],
  );
}
