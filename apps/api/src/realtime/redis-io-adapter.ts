import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import type { Server, ServerOptions } from 'socket.io';

/** The Redis channels' prefix: processes of one installation share it (one Redis per installation). */
const CHANNEL_PREFIX = 'tvaers';

/** Where Redis is, for logs: never the URL itself, which may carry a password. */
const redisAddress = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 6379}`;
};

/**
 * socket.io over Redis (REDIS_URL): a push to a room, `fetchSockets`, `disconnectSockets` and server-side
 * events reach the sockets of every API process. Connects before the app listens, so a wrong or unreachable
 * REDIS_URL stops the start instead of leaving each process deaf to the others; later outages reconnect.
 */
export class RedisIoAdapter extends IoAdapter {
  private constructor(
    app: INestApplicationContext,
    private readonly pub: Redis,
    private readonly sub: Redis,
  ) {
    super(app);
  }

  static async connect(app: INestApplicationContext, url: string, logger: Logger): Promise<RedisIoAdapter> {
    const where = redisAddress(url);
    // In an outage commands wait for the reconnect rather than fail: the adapter does not catch a failed publish,
    // and an unhandled rejection would end the process.
    const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    let ready = false;
    let failure: Error | undefined;
    for (const client of [pub, sub]) {
      client.on('error', (err: Error) => {
        if (ready) logger.warn({ component: 'redis', err: err.message }, `Redis at ${where} unavailable`);
        else failure ??= err;
      });
    }
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (err) {
      pub.disconnect();
      sub.disconnect();
      const cause: unknown = failure ?? err;
      throw new Error(
        `Redis at ${where} (REDIS_URL) is not reachable: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause: err },
      );
    }
    ready = true;
    logger.info({ component: 'redis' }, `socket.io shares its rooms through Redis at ${where}`);
    return new RedisIoAdapter(app, pub, sub);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(createAdapter(this.pub, this.sub, { key: CHANNEL_PREFIX }));
    return server;
  }

  override async dispose(): Promise<void> {
    await Promise.all([this.pub.quit(), this.sub.quit()]).catch(() => undefined);
  }
}
