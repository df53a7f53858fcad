import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { CreatedAtColumn, ForeignKey, SmallIntColumn, TextColumn, UuidColumn } from '../common/database/columns';
import { MeetingParticipantEntity } from '../meetings/meeting-participant.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

/** The citizen's own health assessment (egen helbredsvurdering), given on their link before a roundtable. */
@Entity('own_assessment')
export class OwnAssessmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_own_assessment_case') @UuidColumn() caseId: string;
  @ForeignKey(() => CaseEntity, { onDelete: 'CASCADE' }) case: Relation<CaseEntity>;
  @Index('IDX_own_assessment_meeting') @UuidColumn({ nullable: true }) meetingId: string | null;
  @ForeignKey(() => MeetingEntity, { onDelete: 'SET NULL', nullable: true }) meeting: Relation<MeetingEntity> | null;
  @UuidColumn({ nullable: true }) participantId: string | null;
  @ForeignKey(() => MeetingParticipantEntity, { onDelete: 'SET NULL', nullable: true })
  participant: Relation<MeetingParticipantEntity> | null;

  @TextColumn() text: string;
  @SmallIntColumn({ nullable: true }) wellbeing: number | null;
  @CreatedAtColumn() createdAt: Date;
}
