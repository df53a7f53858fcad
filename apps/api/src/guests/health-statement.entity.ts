import type { WorkCapacity } from '@tvaers/contracts';
import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { CreatedAtColumn, ForeignKey, TextColumn, UuidColumn } from '../common/database/columns';
import { MeetingParticipantEntity } from '../meetings/meeting-participant.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

/** The doctor's statement at a roundtable, kept on the case as the documentation that replaces a medical certificate. */
@Entity('health_statement')
export class HealthStatementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_health_statement_case') @UuidColumn() caseId: string;
  @ForeignKey(() => CaseEntity, { onDelete: 'CASCADE' }) case: Relation<CaseEntity>;
  // The statement outlives its meeting and participant rows: it is the case's documentation.
  @UuidColumn({ nullable: true }) meetingId: string | null;
  @ForeignKey(() => MeetingEntity, { onDelete: 'SET NULL', nullable: true }) meeting: Relation<MeetingEntity> | null;
  @UuidColumn({ nullable: true }) participantId: string | null;
  @ForeignKey(() => MeetingParticipantEntity, { onDelete: 'SET NULL', nullable: true })
  participant: Relation<MeetingParticipantEntity> | null;

  @TextColumn() doctorName: string;
  @TextColumn() workCapacity: WorkCapacity;
  @TextColumn() assessment: string;
  @TextColumn() recommendations: string;
  @TextColumn({ nullable: true }) restrictions: string | null;
  @CreatedAtColumn() createdAt: Date;
}
