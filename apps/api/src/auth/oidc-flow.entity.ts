import { Entity } from 'typeorm';
import { TextColumn, TimestampColumn } from '../common/database/columns';

/**
 * A started sign-in through the identity provider, kept server-side until its callback; the id is the SHA-256
 * of the browser's flow cookie, so only the browser that started it can finish it (no login CSRF).
 */
@Entity('oidc_flow')
export class OidcFlowEntity {
  @TextColumn({ primary: true }) id: string;
  @TextColumn() state: string;
  @TextColumn() nonce: string;
  @TextColumn() codeVerifier: string;
  @TimestampColumn() expiresAt: Date;
}
