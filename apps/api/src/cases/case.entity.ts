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
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @UuidColumn() citizenId: string;
  @ForeignKey(() => CitizenEntity, { onDelete: 'RESTRICT' }) citizen: Relation<CitizenEntity>;
  @Index('IDX_case_team') @UuidColumn() teamId: string;
  @ForeignKey(() => TeamEntity, { onDelete: 'RESTRICT' }) team: Relation<TeamEntity>;
  @Index('IDX_case_responsible') @UuidColumn() responsibleId: string;
  @ForeignKey(() => StaffEntity, { onDelete: 'RESTRICT' }) responsible: Relation<StaffEntity>;
  @TextColumn({ default: 'active' }) status: CaseStatus;
  @NumericColumn({ precision: 4, scale: 2, default: 1 }) weight: string;
  @TextColumn({ nullable: true }) closeReason: string | null;
  @TextColumn({ nullable: true }) closeOutcome: CloseOutcome | null;
  @CreatedAtColumn() openedAt: Date;
  @TimestampColumn({ nullable: true }) closedAt: Date | null;
}
