import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
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

@Injectable()
export class SessionRepository {
  constructor(
    @InjectRepository(SessionEntity)
    private readonly sessions: Repository<SessionEntity>,
  ) {}

  async create(id: string, staffId: string, expiresAt: Date): Promise<void> {
    await this.sessions.insert({ id, staffId, expiresAt });
  }

  /** One round trip per request: the live session with its staff member and team ids. */
  async findLive(id: string, now: Date): Promise<SessionRow | null> {
    return (await this.findLiveMany([id], now))[0] ?? null;
  }

  /** The live ones among these sessions (not expired, staff active), in one query. */
  async findLiveMany(ids: string[], now: Date): Promise<SessionRow[]> {
    const rows: {
      session_id: string;
      staff_id: string;
      name: string;
      email: string;
      roles: string[];
      discipline: string;
      team_ids: string[];
    }[] = await this.sessions.query(
      `SELECT s.id AS session_id, st.id AS staff_id, st.name, st.email, st.roles, st.discipline,
                COALESCE(array_agg(tm.team_id) FILTER (WHERE tm.team_id IS NOT NULL), '{}') AS team_ids
           FROM session s JOIN staff st ON st.id = s.staff_id AND st.active
           LEFT JOIN team_member tm ON tm.staff_id = st.id
          WHERE s.id = ANY($1) AND s.expires_at > $2
          GROUP BY s.id, st.id`,
      [ids, now],
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

  async deleteExpired(now: Date): Promise<number> {
    const res = await this.sessions.delete({ expiresAt: LessThan(now) });
    return res.affected ?? 0;
  }
}
