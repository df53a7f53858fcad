import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { MeetingEntity } from './meeting.entity';

@Entity('meeting_proposal')
export class MeetingProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_meeting_proposal_meeting')
  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, (m) => m.proposals, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting: Relation<MeetingEntity>;

  @Column('timestamptz', { name: 'start_at' })
  startAt: Date;

  @Column('timestamptz', { name: 'end_at' })
  endAt: Date;
}
