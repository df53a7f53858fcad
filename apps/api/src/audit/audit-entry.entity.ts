import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TextColumn, UuidColumn } from '../common/database/columns';

export type ActorKind = 'staff' | 'guest' | 'system';

/** Append-only: who read or changed a citizen's data, when and why. */
@Entity('audit_entry')
@Index('IDX_audit_citizen_at_id', ['citizenId', 'at', 'id'])
/** "Has this person already a row of this action on this entity?" (one notes row per person per meeting). */
@Index('IDX_audit_entity_actor', ['entityId', 'actorId', 'action'])
/** The dashboard's overrides (the last 90 days): a few rows among millions, read on every caseload request. */
@Index('IDX_audit_override_at', ['at'], { where: `"action" = 'caseload.override'` })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @CreatedAtColumn() at: Date;
  @TextColumn() actorKind: ActorKind;
  @UuidColumn({ nullable: true }) actorId: string | null;
  @TextColumn() actorName: string;
  @UuidColumn({ nullable: true }) citizenId: string | null;
  @TextColumn() action: string;
  @TextColumn({ nullable: true }) entity: string | null;
  @UuidColumn({ nullable: true }) entityId: string | null;
  @TextColumn({ nullable: true }) purpose: string | null;
  @JsonColumn({ nullable: true }) details: Record<string, unknown> | null;
}
