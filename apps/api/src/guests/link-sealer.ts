import type { Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { loadCprKey, Sealer } from '../common/crypto/cpr-cipher';
import { LOGGER } from '../common/logging/logger.provider';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * Seals guest link tokens (AES-256-GCM) so a mail can carry the participant's same link again: a key of its own,
 * derived (HKDF) from the configured CPR_ENCRYPTION_KEY. Lookups never use it: a link is found by its hash.
 */
export const LINK_SEALER = Symbol('LINK_SEALER');

export const linkSealerProvider: Provider = {
  provide: LINK_SEALER,
  useFactory: (config: AppConfig, logger: Logger) =>
    new Sealer(
      loadCprKey(config, (m) => logger.warn(m)),
      'tvaers guest link token',
    ),
  inject: [APP_CONFIG, LOGGER],
};
