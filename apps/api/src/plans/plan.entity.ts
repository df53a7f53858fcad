import type { ContactPlan } from '@tvaers/contracts';
import { Entity, type Relation } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import {
  DateColumn,
  ForeignKey,
  IntegerColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
  UuidColumn,
} from '../common/database/columns';

/** The one shared plan of a case; `version` is bumped by every change (optimistic concurrency). */
@Entity('plan')
export class PlanEntity {
  @UuidColumn({ primary: true }) caseId: string;
  @ForeignKey(() => CaseEntity, { onDelete: 'CASCADE', oneToOne: true }) case: Relation<CaseEntity>;
  @IntegerColumn() version: number;
  @TextColumn({ default: '' }) citizenGoal: string;
  @TextColumn({ default: '' }) jobGoal: string;
  @JsonColumn({ nullable: true }) contactPlan: ContactPlan | null;

  /** Last yearly review (or the plan's creation); the next is due 12 months later. */
  @DateColumn() reviewedOn: string;

  /** Last work-capacity assessment, for the clarification guarantee. */
  @DateColumn({ nullable: true }) assessedOn: string | null;
  @TimestampColumn() updatedAt: Date;
  @UuidColumn({ nullable: true }) updatedById: string | null;
  @TextColumn({ nullable: true }) updatedByName: string | null;
}
