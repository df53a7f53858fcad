import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ForeignKey, IntegerColumn, TextColumn, UuidColumn } from '../common/database/columns';
import { MeetingEntity } from './meeting.entity';

/** A decision recorded when a meeting was marked held; it may name the effort it added to or changed in the plan. */
@Entity('meeting_decision')
export class MeetingDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_meeting_decision_meeting') @UuidColumn() meetingId: string;
  @ForeignKey(() => MeetingEntity, { onDelete: 'CASCADE', constraint: 'FK_meeting_decision_meeting' })
  meeting: Relation<MeetingEntity>;
  /** Its place in the list as entered. */
  @IntegerColumn() position: number;
  @TextColumn() text: string;
  @TextColumn({ nullable: true }) effortAction: 'add' | 'change' | null;
  // The effort keeps its own history in the plan; no foreign key, as efforts have no delete path to guard.
  @UuidColumn({ nullable: true }) effortId: string | null;
}
