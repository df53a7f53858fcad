import type { MeetingStatus } from '@tvaers/contracts';
import { Entity, Index, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import {
  CreatedAtColumn,
  ForeignKey,
  IntegerColumn,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '../common/database/columns';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MeetingProposalEntity } from './meeting-proposal.entity';

@Entity('meeting')
@Index('IDX_meeting_time', ['startAt', 'endAt'])
// A meeting's status and time by id without reading the table: one probe per meeting of a person.
@Index('IDX_meeting_id_time', ['id', 'status', 'startAt', 'endAt'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_meeting_case') @UuidColumn() caseId: string;
  @ForeignKey(() => CaseEntity, { onDelete: 'CASCADE' }) case: Relation<CaseEntity>;
  @TextColumn() title: string;
  @TextColumn() status: MeetingStatus;
  @TimestampColumn({ nullable: true }) startAt: Date | null;
  @TimestampColumn({ nullable: true }) endAt: Date | null;
  @TextColumn({ nullable: true }) location: string | null;
  @TextColumn({ nullable: true }) videoUrl: string | null;
  @TextColumn({ array: true, default: () => "'{}'" }) agenda: string[];
  @UuidColumn() createdBy: string;
  /** iCalendar SEQUENCE: raised by each change mailed to the participants (invitations). */
  @IntegerColumn({ default: 0 }) sequence: number;
  /** The outcome, set once when the meeting is marked held (POST /api/meetings/:id/outcome). */
  @TextColumn({ nullable: true }) summary: string | null;
  @TimestampColumn({ nullable: true }) heldAt: Date | null;
  @UuidColumn({ nullable: true }) heldById: string | null;
  @TextColumn({ nullable: true }) heldByName: string | null;
  /** The plan version the meeting's effort decisions made; null when they changed no effort. */
  @IntegerColumn({ nullable: true }) outcomePlanVersion: number | null;
  @CreatedAtColumn() createdAt: Date;
  @UpdatedAtColumn() updatedAt: Date;
  @OneToMany(() => MeetingParticipantEntity, (p) => p.meeting, {
    cascade: ['insert'],
  })
  participants: MeetingParticipantEntity[];

  @OneToMany(() => MeetingProposalEntity, (p) => p.meeting, {
    cascade: ['insert'],
  })
  proposals: MeetingProposalEntity[];
}
