import type { Discipline, Role } from '@tvaers/contracts';
import { Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { BooleanColumn, CreatedAtColumn, NumericColumn, TextColumn } from '../common/database/columns';
import { TeamEntity } from './team.entity';

@Entity('staff')
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** Stored lower-case; login compares lower-case. */
  @Index('UQ_staff_email', { unique: true }) @TextColumn() email: string;
  @TextColumn() name: string;
  @TextColumn() passwordHash: string;
  @TextColumn({ array: true }) roles: Role[];
  @TextColumn() discipline: Discipline;
  /** Work phone, shown to the guests of meetings this person organises. */
  @TextColumn({ nullable: true }) phone: string | null;

  /** Max weighted active cases; null = no ceiling set yet. */
  @NumericColumn({ precision: 6, scale: 2, nullable: true }) caseloadCeiling: string | null;
  @BooleanColumn({ default: true }) active: boolean;
  @CreatedAtColumn() createdAt: Date;
  @ManyToMany(() => TeamEntity)
  @JoinTable({
    name: 'team_member',
    joinColumn: { name: 'staff_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'team_id', referencedColumnName: 'id' },
  })
  teams: TeamEntity[];
}
