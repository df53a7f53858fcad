import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThan, type Repository } from 'typeorm';
import { SessionEntity } from './session.entity';

export interface SessionRow {
  sessionId: string;
  staffId: string;
  name: string;
  email: string;
  roles: string[];
  discipline: string;
  teamIds: string[];
}

const LIVE_TOUCH = `WITH touched AS (UPDATE session SET last_seen_at = $2
    WHERE id = ANY($1) AND expires_at > $2 AND last_seen_at > $3 AND last_seen_at < $2::timestamptz - interval '1 minute'
    RETURNING id) `;

@Injectable()
export class SessionRepository {
  constructor(
    @InjectRepository(SessionEntity)
    private readonly sessions: Repository<SessionEntity>,
  ) {}

  async create(id: string, staffId: string, now: Date, expiresAt: Date, userAgent: string | null): Promise<void> {
    await this.sessions.insert({ id, staffId, lastSeenAt: now, expiresAt, userAgent });
  }

  /**
   * One round trip per request: the live session with its staff member and team ids; its last-seen time moves
   * to `now` (written at most once a minute, so a page's burst of requests is one write).
   */
  async findLiveAndTouch(id: string, now: Date, idleSince: Date): Promise<SessionRow | null> {
    return (await this.findLiveMany([id], now, idleSince, true))[0] ?? null;
  }

  /** The live ones among these sessions (not expired, not idle past `idleSince`, staff active), in one query. */
  async findLiveMany(ids: string[], now: Date, idleSince: Date, touch = false): Promise<SessionRow[]> {
    const rows: {
      session_id: string;
      staff_id: string;
      name: string;
      email: string;
      roles: string[];
      discipline: string;
      team_ids: string[];
    }[] = await this.sessions.query(
      // The touch sees the same snapshot as the read: only a session still live moves its last-seen time.
      `${touch ? LIVE_TOUCH : ''}SELECT s.id AS session_id, st.id AS staff_id, st.name, st.email, st.roles, st.discipline,
                COALESCE(array_agg(tm.team_id) FILTER (WHERE tm.team_id IS NOT NULL), '{}') AS team_ids
           FROM session s JOIN staff st ON st.id = s.staff_id AND st.active
           LEFT JOIN team_member tm ON tm.staff_id = st.id
          WHERE s.id = ANY($1) AND s.expires_at > $2 AND s.last_seen_at > $3
          GROUP BY s.id, st.id`,
      [ids, now, idleSince],
    );
    return rows.map((r) => ({
      sessionId: r.session_id,
      staffId: r.staff_id,
      name: r.name,
      email: r.email,
      roles: r.roles,
      discipline: r.discipline,
      teamIds: r.team_ids,
    }));
  }

  async delete(id: string): Promise<void> {
    await this.sessions.delete({ id });
  }

  /** Ends every session of a person; the ids of those ended. */
  async deleteOfStaff(staffId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.sessions.query(
      `WITH ended AS (DELETE FROM session WHERE staff_id = $1 RETURNING id) SELECT id FROM ended`,
      [staffId],
    );
    return rows.map((r) => r.id);
  }

  /** A person's live sessions, the latest used first. */
  async listOfStaff(staffId: string, now: Date, idleSince: Date): Promise<SessionEntity[]> {
    return this.sessions.find({
      where: { staffId, expiresAt: MoreThan(now), lastSeenAt: MoreThan(idleSince) },
      order: { lastSeenAt: 'DESC', createdAt: 'DESC' },
    });
  }

  /** Ends one of a person's sessions; whether there was one. */
  async deleteOfStaffOne(staffId: string, id: string): Promise<boolean> {
    const res = await this.sessions.delete({ id, staffId });
    return (res.affected ?? 0) > 0;
  }

  async deleteExpired(now: Date, idleSince: Date): Promise<number> {
    const res = await this.sessions.delete([{ expiresAt: LessThan(now) }, { lastSeenAt: LessThan(idleSince) }]);
    return res.affected ?? 0;
  }
}
