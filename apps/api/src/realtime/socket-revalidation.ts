import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AuthService } from '../auth/auth.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { GuestsService } from '../guests/guests.service';
import { RealtimeServer, type TvaersSocket } from './realtime-server';

/** How often this process re-checks the sessions of its open sockets. */
const REVALIDATE_EVERY_MS = 30_000;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Open sockets whose right to stay has ended are closed: at once when an access change is announced
 * (`staff.access.changed`), and on a schedule for what ends without an event (a session's expiry, a link's end).
 */
@Injectable()
export class SocketRevalidation {
  private readonly log = new Logger('realtime');
  private revalidating?: Promise<void>;

  constructor(
    private readonly io: RealtimeServer,
    private readonly auth: AuthService,
    private readonly guests: GuestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Re-checks the open sockets of every API process now: this one's, and the others' told through Redis. */
  async revalidateEverywhere(): Promise<void> {
    if (this.config.redisUrl) this.io.server.serverSideEmit('revalidate');
    await this.revalidate();
  }

  @Interval('socket-revalidate', REVALIDATE_EVERY_MS)
  async revalidateOnSchedule(): Promise<void> {
    if (!this.revalidating) await this.revalidate();
  }

  /**
   * Re-resolves the sessions of this process's sockets in one query and disconnects each socket whose session
   * is gone or no longer carries what the socket was authorised with (roles, teams, discipline); likewise each
   * guest socket whose link has ended.
   */
  async revalidate(): Promise<void> {
    // Runs one after another, so a call made after a change always sees it.
    const run = (this.revalidating ?? Promise.resolve())
      .then(() => this.disconnectStale())
      .catch((err: unknown) => this.log.error(err));
    this.revalidating = run;
    await run;
    if (this.revalidating === run) this.revalidating = undefined;
  }

  private async disconnectStale(): Promise<void> {
    const sockets = [...this.io.server.sockets.sockets.values()];
    await Promise.all([this.disconnectStaleStaff(sockets), this.disconnectExpiredGuests(sockets)]);
  }

  private async disconnectStaleStaff(sockets: TvaersSocket[]): Promise<void> {
    const open = sockets.flatMap((socket) => (socket.data.actor ? [{ socket, then: socket.data.actor }] : []));
    if (!open.length) return;
    const live = await this.auth.liveSessions([...new Set(open.map((o) => o.then.sessionId))]);
    for (const { socket, then } of open) {
      const now = live.get(then.sessionId);
      const same =
        now !== undefined &&
        now.discipline === then.discipline &&
        sameSet(now.roles, then.roles) &&
        sameSet(now.teamIds, then.teamIds);
      if (!same) socket.disconnect(true);
    }
  }

  /** A link ends without an event too: 7 days after its meeting. Its sockets end with it. */
  private async disconnectExpiredGuests(sockets: TvaersSocket[]): Promise<void> {
    const guests = sockets.flatMap((socket) => (socket.data.guest ? [{ socket, guest: socket.data.guest }] : []));
    if (!guests.length) return;
    const live = await this.guests.liveLinks([...new Set(guests.map((g) => g.guest.participantId))]);
    for (const { socket, guest } of guests) if (!live.has(guest.participantId)) socket.disconnect(true);
  }
}
