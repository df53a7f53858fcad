import { LessThanOrEqual, type Repository } from 'typeorm';

/** A counter's row: requests (or failures) per key in a fixed window. */
export interface ThrottleCount {
  key: string;
  windowStart: Date;
  count: number;
}

/**
 * Fixed-window counters in a table of (key, window_start, count): in the database so a limit holds across
 * API processes, one row per key so a reservation is one atomic upsert. Each throttle (logins, guest links)
 * has its own table and a repository that only names it.
 */
export abstract class ThrottleCounters {
  private readonly table: string;

  protected constructor(private readonly rows: Repository<ThrottleCount>) {
    this.table = `"${rows.metadata.tableName}"`;
  }

  /**
   * Counts one on every key in one statement and returns the new counts, so parallel requests each see
   * their own count. A window that has run out starts again at `now`. Keys are taken in a fixed order so
   * two callers never wait on each other's rows crosswise.
   */
  async reserve(keys: string[], now: Date, windowMs: number): Promise<ThrottleCount[]> {
    const rows: { key: string; window_start: Date; count: number }[] = await this.rows.query(
      `INSERT INTO ${this.table} AS t (key, window_start, count)
       SELECT k, $2::timestamptz, 1 FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE
          SET window_start = CASE WHEN t.window_start <= $3::timestamptz THEN EXCLUDED.window_start ELSE t.window_start END,
              count = CASE WHEN t.window_start <= $3::timestamptz THEN 1 ELSE t.count + 1 END
       RETURNING key, window_start, count`,
      [[...keys].sort(), now, new Date(now.getTime() - windowMs)],
    );
    return rows.map((r) => ({ key: r.key, windowStart: r.window_start, count: r.count }));
  }

  /** Gives one count back, unless its window has been restarted or cleared meanwhile. */
  async release(key: string, windowStart: Date): Promise<void> {
    await this.rows.query(
      `UPDATE ${this.table} SET count = count - 1 WHERE key = $1 AND window_start = $2 AND count > 0`,
      [key, windowStart],
    );
  }

  async clear(key: string): Promise<void> {
    await this.rows.delete({ key });
  }

  /** Removes the windows that ended; returns how many. */
  async deleteEnded(now: Date, windowMs: number): Promise<number> {
    const res = await this.rows.delete({ windowStart: LessThanOrEqual(new Date(now.getTime() - windowMs)) });
    return res.affected ?? 0;
  }
}
