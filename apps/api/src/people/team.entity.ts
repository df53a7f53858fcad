import { Entity, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TargetGroupEntity } from '../caseload/target-group.entity';
import { ForeignKey, NumericColumn, TextColumn } from '../common/database/columns';

@Entity('team')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @TextColumn() municipality: string;
  @TextColumn() name: string;
  /** Whom the team serves; its default ceiling comes from here unless the team sets its own. */
  @TextColumn({ nullable: true }) targetGroupId: string | null;
  @ForeignKey(() => TargetGroupEntity, { onDelete: 'RESTRICT', nullable: true, constraint: 'FK_team_target_group' })
  targetGroup: Relation<TargetGroupEntity> | null;
  /** The team's default ceiling for its people (a person's own ceiling wins). */
  @NumericColumn({ precision: 6, scale: 2, nullable: true }) caseloadCeiling: string | null;
}
