import { Inject, Injectable, Logger } from '@nestjs/common';
import { rooms } from '@tvaers/contracts';
import { parse as parseCookie } from 'cookie';
import { AuthService } from '../auth/auth.service';
import { hasRole } from '../common/auth/actor';
import { ProblemError } from '../common/problem/problem';
import { clientAddress } from '../common/http/client-address';
import { isForeignOrigin } from '../common/http/request-rules';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { GUEST_VERIFIED_COOKIE } from '../guests/guest-codes';
import { GuestsService } from '../guests/guests.service';
import type { TvaersSocket } from './realtime-server';

/**
 * Who a connecting socket is: a guest link's holder (`auth: {token}`) or a staff session (its cookie). Places
 * the socket in the rooms that let its session or link end it, and a manager's in their teams' rooms.
 */
@Injectable()
export class SocketAuth {
  private readonly log = new Logger('realtime');

  constructor(
    private readonly auth: AuthService,
    private readonly guests: GuestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** socket.io middleware: `next()` lets the socket connect, `next(error)` refuses it with that code. */
  authenticate(socket: TvaersSocket, next: (err?: Error) => void): void {
    // Same rule as mutating HTTP requests: a browser page of another origin (or `null`) may not connect.
    const { origin, host } = socket.handshake.headers;
    if (isForeignOrigin(origin, host)) return next(new Error('CROSS_SITE_REQUEST'));
    const guestToken = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof guestToken === 'string') {
      this.guests
        .socketActor({
          token: guestToken,
          address: clientAddress(socket.request, this.config.trustProxy),
          verification: parseCookie(socket.handshake.headers.cookie ?? '')[GUEST_VERIFIED_COOKIE],
        })
        .then((guest) => {
          if (!guest) return next(new Error('UNAUTHENTICATED'));
          socket.data.guest = guest;
          // The participant's room lets revoking the link close exactly its sockets.
          void socket.join(rooms.participant(guest.participantId));
          next();
        })
        .catch((err: unknown) => {
          if (err instanceof ProblemError) return next(new Error(err.code));
          this.log.error(err);
          next(new Error('UNAVAILABLE'));
        });
      return;
    }
    const token = parseCookie(socket.handshake.headers.cookie ?? '')[this.auth.cookieName];
    this.auth
      .resolve(token)
      .then((actor) => {
        if (!actor) return next(new Error('UNAUTHENTICATED'));
        socket.data.actor = actor;
        // The session room lets ending the session close exactly its sockets.
        void socket.join([rooms.staff(actor.id), rooms.session(actor.sessionId)]);
        // Managers follow their teams' caseload live.
        if (hasRole(actor, 'manager')) for (const t of actor.teamIds) void socket.join(rooms.team(t));
        next();
      })
      .catch((err: unknown) => {
        this.log.error(err);
        next(new Error('UNAVAILABLE'));
      });
  }
}
