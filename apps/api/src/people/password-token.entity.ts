import { Entity, Index, type Relation } from 'typeorm';
import {
  BytesColumn,
  CreatedAtColumn,
  ForeignKey,
  TextColumn,
  TimestampColumn,
  UuidColumn,
} from '../common/database/columns';
import { StaffEntity } from './staff.entity';

/**
 * A one-time link to set a password (first login, or a reset by an administrator): only the SHA-256 of its
 * token, valid until used or expired. A new link replaces the person's previous one.
 */
@Entity('password_token')
export class PasswordTokenEntity {
  @UuidColumn({ primary: true }) staffId: string;
  @ForeignKey(() => StaffEntity, { onDelete: 'CASCADE', oneToOne: true, constraint: 'FK_password_token_staff' })
  staff: Relation<StaffEntity>;

  @Index('UQ_password_token_hash', { unique: true }) @BytesColumn() tokenHash: Buffer;
  @TimestampColumn() expiresAt: Date;
  /** The administrator who issued it (null: the create-admin command). */
  @TextColumn({ nullable: true }) issuedByName: string | null;
  @CreatedAtColumn() createdAt: Date;
}
