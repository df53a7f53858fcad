import type { Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';

/**
 * Polls `probe` until it answers something other than undefined; fails naming `what` at the deadline. The one way
 * a test waits for something to happen (never a fixed sleep).
 */
export async function eventually<T>(
  what: string | (() => string),
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until every due job about the meeting (mails and reminders) has been worked: nothing more is on its way,
 * so counting its mails then is final.
 */
export async function meetingJobsSettled(ds: DataSource, meetingId: string, timeoutMs = 15_000): Promise<void> {
  await eventually(
    `the due jobs of meeting ${meetingId}`,
    async () => {
      const [{ open }] = await ds.query<{ open: string }[]>(
        `SELECT count(*) AS open FROM pgboss.job WHERE data->>'meetingId' = $1 AND start_after <= now() AND state <> 'completed'`,
        [meetingId],
      );
      return Number(open) === 0 ? true : undefined;
    },
    timeoutMs,
  );
}

/**
 * Still open after a round trip on its own connection (an empty plan:join, answered at once): a disconnect the
 * server sent it before answering would have arrived first, as one connection keeps its order. A closed socket
 * never gets the answer. How a test shows that a socket was NOT closed, without a sleep.
 */
export async function stillOpen(s: Socket): Promise<boolean> {
  const answer: unknown = await s
    .timeout(5_000)
    .emitWithAck('plan:join', {})
    .catch(() => undefined);
  return answer !== undefined && s.connected;
}

/** The next `event` on `socket` whose payload passes `match`; fails after `timeoutMs` (no fixed waits). */
export function nextEvent<T>(
  socket: Socket,
  event: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = 10_000,
) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Resolves with the reason once the server closes the socket; fails after `timeoutMs`. */
export const disconnected = (s: Socket, timeoutMs = 10_000) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    s.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
