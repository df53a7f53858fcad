import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, type Repository } from 'typeorm';
import { GuestThrottleEntity } from './guest-throttle.entity';

export interface ThrottleCount {
  key: string;
  windowStart: Date;
  count: number;
}

/** The counters behind GuestThrottle; the same fixed-window upsert as the login throttle's. */
@Injectable()
export class GuestThrottleRepository {
  constructor(
    @InjectRepository(GuestThrottleEntity)
    private readonly throttle: Repository<GuestThrottleEntity>,
  ) {}

  /** Counts one request on every key in one statement; keys in a fixed order so callers never deadlock. */
  async reserve(keys: string[], now: Date, windowMs: number): Promise<ThrottleCount[]> {
    const rows: { key: string; window_start: Date; count: number }[] = await this.throttle.query(
      `INSERT INTO guest_throttle AS t (key, window_start, count)
       SELECT k, $2::timestamptz, 1 FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE
          SET window_start = CASE WHEN t.window_start <= $3::timestamptz THEN EXCLUDED.window_start ELSE t.window_start END,
              count = CASE WHEN t.window_start <= $3::timestamptz THEN 1 ELSE t.count + 1 END
       RETURNING key, window_start, count`,
      [[...keys].sort(), now, new Date(now.getTime() - windowMs)],
    );
    return rows.map((r) => ({ key: r.key, windowStart: r.window_start, count: r.count }));
  }

  /** Gives one count back, unless its window has been restarted meanwhile. */
  async release(key: string, windowStart: Date): Promise<void> {
    await this.throttle.query(
      `UPDATE guest_throttle SET count = count - 1 WHERE key = $1 AND window_start = $2 AND count > 0`,
      [key, windowStart],
    );
  }

  async deleteEnded(now: Date, windowMs: number): Promise<number> {
    const res = await this.throttle.delete({ windowStart: LessThanOrEqual(new Date(now.getTime() - windowMs)) });
    return res.affected ?? 0;
  }
}
