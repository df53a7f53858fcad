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
  /** The absolute end (SESSION_TTL_HOURS after the login), whatever the activity. */
  @TimestampColumn() expiresAt: Date;
  /** The last request with the session's cookie: it ends SESSION_IDLE_MINUTES after this. */
  @TimestampColumn({ default: () => 'now()' }) lastSeenAt: Date;
  /** The browser's User-Agent at login (cut to 300 characters), summarised in the user's list of sessions. */
  @TextColumn({ nullable: true }) userAgent: string | null;
}
