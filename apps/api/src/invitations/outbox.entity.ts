import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, ForeignKey, TextColumn, UuidColumn } from '../common/database/columns';
import { MeetingEntity } from '../meetings/meeting.entity';

/** A mail kept instead of sent, when no SMTP server is configured (demo). */
@Entity('mail_outbox')
@Index('IDX_mail_outbox_staff', ['staffId', 'createdAt'])
export class OutboxMailEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @UuidColumn() meetingId: string;
  @ForeignKey(() => MeetingEntity, { onDelete: 'CASCADE', constraint: 'FK_mail_outbox_meeting' })
  meeting: Relation<MeetingEntity>;
  @TextColumn() recipient: string;
  /** The staff member it was addressed to; null for doctors and guests. */
  @UuidColumn({ nullable: true }) staffId: string | null;
  @TextColumn() subject: string;
  @TextColumn() text: string;
  @TextColumn({ nullable: true }) ics: string | null;
  @CreatedAtColumn() createdAt: Date;
}
