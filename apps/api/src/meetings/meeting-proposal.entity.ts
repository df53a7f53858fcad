import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ForeignKey, TimestampColumn, UuidColumn } from '../common/database/columns';
import { MeetingEntity } from './meeting.entity';

@Entity('meeting_proposal')
export class MeetingProposalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_meeting_proposal_meeting') @UuidColumn() meetingId: string;
  @ForeignKey(() => MeetingEntity, { onDelete: 'CASCADE', inverse: (m) => m.proposals })
  meeting: Relation<MeetingEntity>;

  @TimestampColumn() startAt: Date;
  @TimestampColumn() endAt: Date;
}
