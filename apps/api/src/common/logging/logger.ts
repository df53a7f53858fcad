import pino, { type Logger } from 'pino';

/** Guest link tokens travel in paths and CPR numbers may be typed into a search: neither reaches a log. */
export function scrubUrl(url: string): string {
  return url.replace(/\/(m|set-password|api\/guest)\/[^/?#]+/g, '/$1/[token]').replace(/\b\d{6}-?\d{4}\b/g, '[cpr]');
}

/** `destination`: where the lines go (standard output unless given, e.g. a test's capture). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'tvaers' },
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
          'password',
          '*.password',
          'cpr',
          '*.cpr',
          'token',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method?: string; url?: string; ip?: string; id?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url ? scrubUrl(req.url) : undefined,
          ip: req.ip,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
