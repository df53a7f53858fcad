import type { Discipline, EffortStatus, EffortType } from '@tvaers/contracts';
import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateColumn, TextColumn, UuidColumn } from '../common/database/columns';

@Entity('effort')
export class EffortEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_effort_case') @UuidColumn() caseId: string;
  @TextColumn() type: EffortType;
  @TextColumn() title: string;
  @TextColumn() discipline: Discipline;
  @UuidColumn({ nullable: true }) ownerId: string | null;
  @TextColumn({ nullable: true }) purpose: string | null;
  @DateColumn({ nullable: true }) startDate: string | null;
  @DateColumn({ nullable: true }) endDate: string | null;
  @TextColumn({ default: 'planned' }) status: EffortStatus;
  @TextColumn({ nullable: true }) stopReason: string | null;
  @CreatedAtColumn() createdAt: Date;
}
