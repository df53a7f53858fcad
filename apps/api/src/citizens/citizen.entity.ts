import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { StaffEntity } from '../people/staff.entity';

@Entity('citizen')
export class CitizenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** AES-256-GCM: iv | tag | ciphertext. The clear CPR is never stored. */
  @Column('bytea', { name: 'cpr_encrypted' })
  cprEncrypted: Buffer;

  /** HMAC-SHA-256 of the CPR, for exact lookup and uniqueness. */
  @Index('UQ_citizen_cpr_hash', { unique: true })
  @Column('bytea', { name: 'cpr_hash' })
  cprHash: Buffer;

  /** First six CPR digits (DDMMYY) for the masked form; not identifying on their own. */
  @Column('char', { name: 'cpr_birth', length: 6 })
  cprBirth: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text')
  benefit: string;

  @Column('date', { name: 'benefit_start', nullable: true })
  benefitStart: string | null;

  /** Who registered the citizen: their teams see the citizen while no case exists yet (intake). */
  @Column('uuid', { name: 'registered_by_id', nullable: true })
  registeredById: string | null;

  @ManyToOne(() => StaffEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'registered_by_id', foreignKeyConstraintName: 'FK_citizen_registered_by' })
  registeredBy: Relation<StaffEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
