import { Entity, Index } from 'typeorm';
import { IntegerColumn, TextColumn, TimestampColumn } from '../common/database/columns';

/**
 * Guest requests per client address in a fixed window (`guest:<address>` all, `guest-miss:<address>` unknown
 * links), as login_throttle does for logins: in the database so the limit holds across API processes.
 */
@Entity('guest_throttle')
export class GuestThrottleEntity {
  @TextColumn({ primary: true }) key: string;
  @Index('IDX_guest_throttle_window_start') @TimestampColumn() windowStart: Date;
  @IntegerColumn() count: number;
}
