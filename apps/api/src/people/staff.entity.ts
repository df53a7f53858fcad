import type { Discipline, Role } from '@tvaers/contracts';
import { Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { BooleanColumn, CreatedAtColumn, NumericColumn, TextColumn, TimestampColumn } from '../common/database/columns';
import { TeamEntity } from './team.entity';

@Entity('staff')
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** Stored lower-case; login compares lower-case. */
  @Index('UQ_staff_email', { unique: true }) @TextColumn() email: string;
  @TextColumn() name: string;
  /** A work phone, for guests to call the organiser of a meeting (shown in its invitations). */
  @TextColumn({ nullable: true }) phone: string | null;
  @TextColumn() passwordHash: string;
  @TextColumn({ array: true }) roles: Role[];
  @TextColumn() discipline: Discipline;

  /** Max weighted active cases; null = no ceiling set yet. */
  @NumericColumn({ precision: 6, scale: 2, nullable: true }) caseloadCeiling: string | null;
  @BooleanColumn({ default: true }) active: boolean;
  /** Who issued the link the password was last set through, and when; told at the next login, then cleared. */
  @TextColumn({ nullable: true }) passwordNoticeBy: string | null;
  @TimestampColumn({ nullable: true }) passwordNoticeAt: Date | null;
  /** The identity provider's subject for this person, kept at the first sign-in through it (OIDC_MATCH=subject). */
  @Index('UQ_staff_oidc_subject', { unique: true }) @TextColumn({ nullable: true }) oidcSubject: string | null;
  @CreatedAtColumn() createdAt: Date;
  @ManyToMany(() => TeamEntity)
  @JoinTable({
    name: 'team_member',
    joinColumn: { name: 'staff_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'team_id', referencedColumnName: 'id' },
  })
  teams: TeamEntity[];
}
