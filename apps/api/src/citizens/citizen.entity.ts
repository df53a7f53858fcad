import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import {
  BytesColumn,
  CharColumn,
  CreatedAtColumn,
  DateColumn,
  ForeignKey,
  TextColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';

@Entity('citizen')
export class CitizenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** AES-256-GCM: iv | tag | ciphertext. The clear CPR is never stored. */
  @BytesColumn() cprEncrypted: Buffer;

  /** HMAC-SHA-256 of the CPR, for exact lookup and uniqueness. */
  @Index('UQ_citizen_cpr_hash', { unique: true }) @BytesColumn() cprHash: Buffer;

  /** First six CPR digits (DDMMYY) for the masked form; not identifying on their own. */
  @CharColumn({ length: 6 }) cprBirth: string;
  @TextColumn() name: string;
  @TextColumn({ nullable: true }) email: string | null;
  @TextColumn({ nullable: true }) phone: string | null;
  @TextColumn() benefit: string;
  @DateColumn({ nullable: true }) benefitStart: string | null;

  /** Who registered the citizen: their teams see the citizen while no case exists yet (intake). */
  @UuidColumn({ nullable: true }) registeredById: string | null;
  @ForeignKey(() => StaffEntity, { onDelete: 'SET NULL', nullable: true, constraint: 'FK_citizen_registered_by' })
  registeredBy: Relation<StaffEntity> | null;

  @CreatedAtColumn() createdAt: Date;
  @UpdatedAtColumn() updatedAt: Date;
}
