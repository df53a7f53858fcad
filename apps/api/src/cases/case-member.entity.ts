import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StaffEntity } from '../people/staff.entity';
import { CaseEntity } from './case.entity';

/** A colleague from any discipline working on the case, with their role in it. */
@Entity('case_member')
export class CaseMemberEntity {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId: string;

  @PrimaryColumn('uuid', { name: 'staff_id' })
  staffId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<CaseEntity>;

  @ManyToOne(() => StaffEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff: Relation<StaffEntity>;

  @Column('text')
  role: string;
}
