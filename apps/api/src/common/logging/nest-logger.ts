import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Nest's own messages through the same structured pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  private ctx = (params: unknown[]) => (typeof params.at(-1) === 'string' ? { context: params.at(-1) } : {});
  log(message: unknown, ...params: unknown[]) {
    this.logger.debug(this.ctx(params), String(message));
  }
  error(message: unknown, ...params: unknown[]) {
    this.logger.error(
      {
        ...this.ctx(params),
        err: message instanceof Error ? message : undefined,
      },
      String(message),
    );
  }
  warn(message: unknown, ...params: unknown[]) {
    this.logger.warn(this.ctx(params), String(message));
  }
  debug(message: unknown, ...params: unknown[]) {
    this.logger.debug(this.ctx(params), String(message));
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.logger.trace(this.ctx(params), String(message));
  }
}
