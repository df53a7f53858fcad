import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CitizenEntity } from '../citizens/citizen.entity';
import { CreatedAtColumn, ForeignKey, NumericColumn, TextColumn, UuidColumn } from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';
import { TeamEntity } from '../people/team.entity';
import { CaseEntity } from './case.entity';

/**
 * One change of a case's responsible person, append-only: opened (from null, to null while queued), assigned,
 * reassigned, reopened, closed (to null). Loads over time and continuity are computed from these rows.
 */
@Entity('case_assignment')
export class CaseAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_case_assignment_case') @UuidColumn() caseId: string;
  @ForeignKey(() => CaseEntity, { onDelete: 'CASCADE', constraint: 'FK_case_assignment_case' })
  case: Relation<CaseEntity>;
  @UuidColumn() citizenId: string;
  @ForeignKey(() => CitizenEntity, { onDelete: 'CASCADE', constraint: 'FK_case_assignment_citizen' })
  citizen: Relation<CitizenEntity>;
  @Index('IDX_case_assignment_team') @UuidColumn() teamId: string;
  @ForeignKey(() => TeamEntity, { onDelete: 'RESTRICT', constraint: 'FK_case_assignment_team' })
  team: Relation<TeamEntity>;
  @UuidColumn({ nullable: true }) fromStaffId: string | null;
  @ForeignKey(() => StaffEntity, { onDelete: 'RESTRICT', nullable: true, constraint: 'FK_case_assignment_from_staff' })
  fromStaff: Relation<StaffEntity> | null;
  @UuidColumn({ nullable: true }) toStaffId: string | null;
  @ForeignKey(() => StaffEntity, { onDelete: 'RESTRICT', nullable: true, constraint: 'FK_case_assignment_to_staff' })
  toStaff: Relation<StaffEntity> | null;
  @CreatedAtColumn() at: Date;
  @UuidColumn({ nullable: true }) byStaffId: string | null;
  @ForeignKey(() => StaffEntity, { onDelete: 'RESTRICT', nullable: true, constraint: 'FK_case_assignment_by_staff' })
  byStaff: Relation<StaffEntity> | null;
  @TextColumn({ nullable: true }) reason: string | null;
  @NumericColumn({ precision: 4, scale: 2 }) weight: string;
}
