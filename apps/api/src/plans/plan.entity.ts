import type { ContactPlan } from '@tvaers/contracts';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';

/** The one shared plan of a case; `version` is bumped by every change (optimistic concurrency). */
@Entity('plan')
export class PlanEntity {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId: string;

  @OneToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<CaseEntity>;

  @Column('integer')
  version: number;

  @Column('text', { name: 'citizen_goal', default: '' })
  citizenGoal: string;

  @Column('text', { name: 'job_goal', default: '' })
  jobGoal: string;

  @Column('jsonb', { name: 'contact_plan', nullable: true })
  contactPlan: ContactPlan | null;

  /** Last yearly review (or the plan's creation); the next is due 12 months later. */
  @Column('date', { name: 'reviewed_on' })
  reviewedOn: string;

  /** Last work-capacity assessment, for the clarification guarantee. */
  @Column('date', { name: 'assessed_on', nullable: true })
  assessedOn: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('uuid', { name: 'updated_by_id', nullable: true })
  updatedById: string | null;

  @Column('text', { name: 'updated_by_name', nullable: true })
  updatedByName: string | null;
}
