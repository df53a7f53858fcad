import type { ParticipantKind } from '@tvaers/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { StaffEntity } from '../people/staff.entity';
import { MeetingEntity } from './meeting.entity';

@Entity('meeting_participant')
export class MeetingParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_meeting_participant_meeting')
  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, (m) => m.participants, {
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'meeting_id' })
  meeting: Relation<MeetingEntity>;

  @Column('text')
  kind: ParticipantKind;

  @Index('IDX_meeting_participant_staff')
  @Column('uuid', { name: 'staff_id', nullable: true })
  staffId: string | null;

  @ManyToOne(() => StaffEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'staff_id' })
  staff: Relation<StaffEntity> | null;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  clinic: string | null;

  @Column('text', { nullable: true })
  role: string | null;

  @Column('text', { default: 'pending' })
  response: 'pending' | 'accepted' | 'declined';
}
