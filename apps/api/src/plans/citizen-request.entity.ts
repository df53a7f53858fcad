import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A citizen's request for an effort or a conversation; it must get a written, reasoned decision in time. */
@Entity('citizen_request')
export class CitizenRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_citizen_request_case')
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text')
  kind: 'effort' | 'conversation';

  @Column('text')
  description: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('date', { name: 'decision_due' })
  decisionDue: string;

  @Column('text', { nullable: true })
  decision: 'granted' | 'refused' | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { name: 'decided_by_id', nullable: true })
  decidedById: string | null;

  @Column('text', { name: 'decided_by_name', nullable: true })
  decidedByName: string | null;

  @Column('uuid', { name: 'recorded_by_id' })
  recordedById: string;
}
