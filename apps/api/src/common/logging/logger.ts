import pino, { type Logger } from 'pino';

/** A CPR number as people type it (DDMMYY-SSSS or ten digits). */
const CPR = /\b\d{6}-?\d{4}\b/g;

/** CPR numbers out of any text: applied to every log line as it is written, whatever field carries it. */
export const scrubCpr = (text: string): string => text.replace(CPR, '[cpr]');

/** Guest link tokens travel in paths and CPR numbers may be typed into a search: neither reaches a log. */
export function scrubUrl(url: string): string {
  return scrubCpr(url.replace(/\/(m|set-password|api\/guest)\/[^/?#]+/g, '/$1/[token]'));
}

/** What an error's log line may hold: a failing SQL's `parameters`, `query` and the driver's `detail` name values. */
const ERROR_FIELDS = ['type', 'message', 'stack', 'code', 'statusCode', 'routine', 'table', 'column', 'constraint'];

/** PostgreSQL quotes the offending value in its message (`invalid input syntax for type uuid: "…"`). */
const scrubMessage = (text: string) => scrubUrl(text.replace(/"[^"\n]*"|'[^'\n]*'/g, '"[value]"'));

/** The one place errors are shaped for the log: a whitelist, so no parameters or request bodies reach it. */
export function serializeError(err: unknown): unknown {
  // Not `instanceof Error`: errors from node's own realm (sockets) are objects of another Error.
  if (typeof err !== 'object' || err === null) return err;
  const full = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  const driver = (err as { driverError?: Record<string, unknown> }).driverError ?? {};
  const out: Record<string, unknown> = {};
  for (const key of ERROR_FIELDS) {
    const value = full[key] ?? driver[key];
    if (value === undefined) continue;
    out[key] = typeof value === 'string' && (key === 'message' || key === 'stack') ? scrubMessage(value) : value;
  }
  return out;
}

/** `destination`: where the lines go (standard output unless given, e.g. a test's capture). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'tvaers' },
      // The one place for CPR numbers in messages, errors and URLs alike: the finished line.
      hooks: { streamWrite: scrubCpr },
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
        err: serializeError,
      },
    },
    destination,
  );
}
