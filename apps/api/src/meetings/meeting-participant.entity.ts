import type { MeetingStatus, ParticipantKind } from '@tvaers/contracts';
import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { BooleanColumn, ForeignKey, TextColumn, TimestampColumn, UuidColumn } from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';
import { MeetingEntity } from './meeting.entity';

@Entity('meeting_participant')
// A staff member's meetings, read from the index alone (calendar, availability, clashes).
@Index('IDX_meeting_participant_staff', ['staffId', 'meetingId'])
// A person's meetings by time from one index range (busy times, clashes).
@Index('IDX_meeting_participant_staff_time', ['staffId', 'meetingStartAt', 'meetingEndAt', 'meetingStatus'])
export class MeetingParticipantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_meeting_participant_meeting') @UuidColumn() meetingId: string;
  @ForeignKey(() => MeetingEntity, { onDelete: 'CASCADE', inverse: (m) => m.participants })
  meeting: Relation<MeetingEntity>;

  @TextColumn() kind: ParticipantKind;
  @UuidColumn({ nullable: true }) staffId: string | null;
  @ForeignKey(() => StaffEntity, { onDelete: 'RESTRICT', nullable: true }) staff: Relation<StaffEntity> | null;
  @TextColumn() name: string;
  @TextColumn({ nullable: true }) email: string | null;
  @TextColumn({ nullable: true }) phone: string | null;
  @TextColumn({ nullable: true }) clinic: string | null;
  @TextColumn({ nullable: true }) role: string | null;
  @TextColumn({ default: 'pending' }) response: 'pending' | 'accepted' | 'declined';
  /** The meeting's status and time, for finding a person's busy times: kept by database triggers, never written here. */
  @TextColumn({ insert: false, update: false, select: false }) meetingStatus: MeetingStatus;
  @TimestampColumn({ nullable: true, insert: false, update: false, select: false }) meetingStartAt: Date | null;
  @TimestampColumn({ nullable: true, insert: false, update: false, select: false }) meetingEndAt: Date | null;
  /** Another guest (kind `guest`) reads and writes the notes only while the organiser shares them. */
  @BooleanColumn({ default: false }) notesShared: boolean;
}
