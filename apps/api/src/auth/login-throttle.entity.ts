import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Login attempts per key (`email:<e-mail>|ip:<address>` or `ip:<address>`) in a fixed window. In the
 * database so the limit holds across API processes; one row per key so a reservation is one atomic upsert.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn('text')
  key: string;

  @Index('IDX_login_throttle_window_start')
  @Column('timestamptz', { name: 'window_start' })
  windowStart: Date;

  @Column('integer')
  count: number;
}
