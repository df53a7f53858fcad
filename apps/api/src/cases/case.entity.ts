import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CitizenEntity } from '../citizens/citizen.entity';
import { StaffEntity } from '../people/staff.entity';
import { TeamEntity } from '../people/team.entity';

export type CaseStatus = 'active' | 'closed';

@Entity('case')
// One active case per citizen in the unit.
@Index('UQ_case_active_citizen', ['citizenId'], {
  unique: true,
  where: `"status" = 'active'`,
})
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'citizen_id' })
  citizenId: string;

  @ManyToOne(() => CitizenEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'citizen_id' })
  citizen: Relation<CitizenEntity>;

  @Index('IDX_case_team')
  @Column('uuid', { name: 'team_id' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team: Relation<TeamEntity>;

  @Index('IDX_case_responsible')
  @Column('uuid', { name: 'responsible_id' })
  responsibleId: string;

  @ManyToOne(() => StaffEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_id' })
  responsible: Relation<StaffEntity>;

  @Column('text', { default: 'active' })
  status: CaseStatus;

  @Column('numeric', { precision: 4, scale: 2, default: 1 })
  weight: string;

  @Column('text', { name: 'close_reason', nullable: true })
  closeReason: string | null;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;
}
