import { Entity, Index } from 'typeorm';
import { IntegerColumn, TextColumn, TimestampColumn } from '../common/database/columns';

/**
 * Login attempts per key (`email:<e-mail>|ip:<address>` or `ip:<address>`) in a fixed window. In the
 * database so the limit holds across API processes; one row per key so a reservation is one atomic upsert.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @TextColumn({ primary: true }) key: string;
  @Index('IDX_login_throttle_window_start') @TimestampColumn() windowStart: Date;
  @IntegerColumn() count: number;
}
