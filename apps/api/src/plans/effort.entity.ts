import type { Discipline, EffortStatus, EffortType } from '@tvaers/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('effort')
export class EffortEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_effort_case')
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text')
  type: EffortType;

  @Column('text')
  title: string;

  @Column('text')
  discipline: Discipline;

  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId: string | null;

  @Column('text', { nullable: true })
  purpose: string | null;

  @Column('date', { name: 'start_date', nullable: true })
  startDate: string | null;

  @Column('date', { name: 'end_date', nullable: true })
  endDate: string | null;

  @Column('text', { default: 'planned' })
  status: EffortStatus;

  @Column('text', { name: 'stop_reason', nullable: true })
  stopReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
