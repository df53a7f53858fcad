import type { Discipline, Role } from '@tvaers/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { TeamEntity } from './team.entity';

@Entity('staff')
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; login compares lower-case. */
  @Index('UQ_staff_email', { unique: true })
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('text', { array: true })
  roles: Role[];

  @Column('text')
  discipline: Discipline;

  /** Max weighted active cases; null = no ceiling set yet. */
  @Column('numeric', {
    name: 'caseload_ceiling',
    precision: 6,
    scale: 2,
    nullable: true,
  })
  caseloadCeiling: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToMany(() => TeamEntity)
  @JoinTable({
    name: 'team_member',
    joinColumn: { name: 'staff_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'team_id', referencedColumnName: 'id' },
  })
  teams: TeamEntity[];
}
