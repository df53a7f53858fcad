import type { CloseOutcome } from '@tvaers/contracts';
import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CitizenEntity } from '../citizens/citizen.entity';
import {
  CreatedAtColumn,
  ForeignKey,
  NumericColumn,
  TextColumn,
  TimestampColumn,
  UuidColumn,
} from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';
import { TeamEntity } from '../people/team.entity';

export type CaseStatus = 'active' | 'closed';

@Entity('case')
// One active case per citizen in the unit.
@Index('UQ_case_active_citizen', ['citizenId'], {
  unique: true,
  where: `"status" = 'active'`,
})
// Each person's active cases and their weights (the caseload), without reading the table.
@Index('IDX_case_active_responsible', ['responsibleId', 'weight'], { where: `"status" = 'active'` })
// A team's active cases in name order, and counted and summed per person, without reading the table.
@Index('IDX_case_active_team_name', ['teamId', 'citizenName'], { where: `"status" = 'active'` })
@Index('IDX_case_active_team_load', ['teamId', 'responsibleId', 'weight'], { where: `"status" = 'active'` })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @UuidColumn() citizenId: string;
  @ForeignKey(() => CitizenEntity, { onDelete: 'RESTRICT' }) citizen: Relation<CitizenEntity>;
  /** The citizen's name, for sorting lists on an index: kept by database triggers, never written here. */
  @TextColumn({ insert: false, update: false, select: false }) citizenName: string;
  @Index('IDX_case_team') @UuidColumn() teamId: string;
  @ForeignKey(() => TeamEntity, { onDelete: 'RESTRICT' }) team: Relation<TeamEntity>;
  /** Null while the case waits in its team's intake queue. */
  @Index('IDX_case_responsible') @UuidColumn({ nullable: true }) responsibleId: string | null;
  @ForeignKey(() => StaffEntity, { onDelete: 'RESTRICT', nullable: true }) responsible: Relation<StaffEntity> | null;
  @TextColumn({ default: 'active' }) status: CaseStatus;
  @NumericColumn({ precision: 4, scale: 2, default: 1 }) weight: string;
  @TextColumn({ nullable: true }) closeReason: string | null;
  @TextColumn({ nullable: true }) closeOutcome: CloseOutcome | null;
  @CreatedAtColumn() openedAt: Date;
  @TimestampColumn({ nullable: true }) closedAt: Date | null;
}
