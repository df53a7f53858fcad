import type { ParticipantKind } from '@tvaers/contracts';
import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { BooleanColumn, ForeignKey, TextColumn, UuidColumn } from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';
import { MeetingEntity } from './meeting.entity';

@Entity('meeting_participant')
// A staff member's meetings, read from the index alone (calendar, availability, clashes).
@Index('IDX_meeting_participant_staff', ['staffId', 'meetingId'])
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
  /** Another guest (kind `guest`) reads and writes the notes only while the organiser shares them. */
  @BooleanColumn({ default: false }) notesShared: boolean;
}
