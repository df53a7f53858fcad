import { Entity, Index, type Relation } from 'typeorm';
import { ForeignKey, TextColumn, UuidColumn } from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';
import { CaseEntity } from './case.entity';

/** A colleague from any discipline working on the case, with their role in it. */
@Entity('case_member')
// One person's cases, for the visibility rule (the primary key starts with the case).
@Index('IDX_case_member_staff', ['staffId', 'caseId'])
export class CaseMemberEntity {
  @UuidColumn({ primary: true }) caseId: string;
  @UuidColumn({ primary: true }) staffId: string;
  @ForeignKey(() => CaseEntity, { onDelete: 'CASCADE' }) case: Relation<CaseEntity>;
  @ForeignKey(() => StaffEntity, { onDelete: 'CASCADE' }) staff: Relation<StaffEntity>;
  @TextColumn() role: string;
}
