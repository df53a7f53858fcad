import type { MeetingStatus } from '@tvaers/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MeetingProposalEntity } from './meeting-proposal.entity';

@Entity('meeting')
@Index('IDX_meeting_time', ['startAt', 'endAt'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_meeting_case')
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<CaseEntity>;

  @Column('text')
  title: string;

  @Column('text')
  status: MeetingStatus;

  @Column('timestamptz', { name: 'start_at', nullable: true })
  startAt: Date | null;

  @Column('timestamptz', { name: 'end_at', nullable: true })
  endAt: Date | null;

  @Column('text', { nullable: true })
  location: string | null;

  @Column('text', { name: 'video_url', nullable: true })
  videoUrl: string | null;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => MeetingParticipantEntity, (p) => p.meeting, {
    cascade: ['insert'],
  })
  participants: MeetingParticipantEntity[];

  @OneToMany(() => MeetingProposalEntity, (p) => p.meeting, {
    cascade: ['insert'],
  })
  proposals: MeetingProposalEntity[];
}
