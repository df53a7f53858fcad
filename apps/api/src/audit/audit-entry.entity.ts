import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ActorKind = 'staff' | 'guest' | 'system';

/** Append-only: who read or changed a citizen's data, when and why. */
@Entity('audit_entry')
@Index('IDX_audit_citizen_at_id', ['citizenId', 'at', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column('text', { name: 'actor_kind' })
  actorKind: ActorKind;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text', { name: 'actor_name' })
  actorName: string;

  @Column('uuid', { name: 'citizen_id', nullable: true })
  citizenId: string | null;

  @Column('text')
  action: string;

  @Column('text', { nullable: true })
  entity: string | null;

  @Column('uuid', { name: 'entity_id', nullable: true })
  entityId: string | null;

  @Column('text', { nullable: true })
  purpose: string | null;

  @Column('jsonb', { nullable: true })
  details: Record<string, unknown> | null;
}
