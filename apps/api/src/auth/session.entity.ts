import { Entity, Index, type Relation } from 'typeorm';
import { CreatedAtColumn, ForeignKey, TextColumn, TimestampColumn, UuidColumn } from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';

/** A staff login. The id is the SHA-256 of the cookie's token, so a database leak reveals no live cookie. */
@Entity('session')
export class SessionEntity {
  @TextColumn({ primary: true }) id: string;
  @Index('IDX_session_staff') @UuidColumn() staffId: string;
  @ForeignKey(() => StaffEntity, { onDelete: 'CASCADE' }) staff: Relation<StaffEntity>;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn() expiresAt: Date;
}
