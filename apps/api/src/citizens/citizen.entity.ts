import { Check, Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import {
  BytesColumn,
  CharColumn,
  CreatedAtColumn,
  DateColumn,
  ForeignKey,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';

@Entity('citizen')
// The CPR goes only with the rest of the citizen's personal data (retention).
@Check(
  'CHK_citizen_cpr_until_anonymised',
  `"anonymised_at" IS NOT NULL OR ("cpr_encrypted" IS NOT NULL AND "cpr_hash" IS NOT NULL AND "cpr_birth" IS NOT NULL)`,
)
export class CitizenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** AES-256-GCM: iv | tag | ciphertext. The clear CPR is never stored. Null once anonymised, as are the two below. */
  @BytesColumn({ nullable: true }) cprEncrypted: Buffer | null;

  /** HMAC-SHA-256 of the CPR, for exact lookup and uniqueness. */
  @Index('UQ_citizen_cpr_hash', { unique: true }) @BytesColumn({ nullable: true }) cprHash: Buffer | null;

  /** First six CPR digits (DDMMYY) for the masked form; not identifying on their own. */
  @CharColumn({ length: 6, nullable: true }) cprBirth: string | null;
  @TextColumn() name: string;
  @TextColumn({ nullable: true }) email: string | null;
  @TextColumn({ nullable: true }) phone: string | null;
  @TextColumn() benefit: string;
  @DateColumn({ nullable: true }) benefitStart: string | null;

  /** Who registered the citizen: their teams see the citizen while no case exists yet (intake). */
  @UuidColumn({ nullable: true }) registeredById: string | null;
  @ForeignKey(() => StaffEntity, { onDelete: 'SET NULL', nullable: true, constraint: 'FK_citizen_registered_by' })
  registeredBy: Relation<StaffEntity> | null;

  /** When the retention job removed the citizen's personal data (RETENTION_DAYS after the last case closed). */
  @TimestampColumn({ nullable: true }) anonymisedAt: Date | null;

  @CreatedAtColumn() createdAt: Date;
  @UpdatedAtColumn() updatedAt: Date;
}
