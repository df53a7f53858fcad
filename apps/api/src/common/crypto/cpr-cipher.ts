import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const subKey = (masterKey: Buffer, info: string) =>
  Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));

/**
 * AES-256-GCM under a key derived (HKDF-SHA-256) from the configured one for one purpose (`info`): the same
 * master key seals CPR numbers and guest link tokens, each with a key of its own. Blob: IV (12) | tag (16) | body.
 */
export class Sealer {
  private readonly key: Buffer;

  constructor(masterKey: Buffer, info: string) {
    if (masterKey.length !== 32) throw new Error('The encryption key must be 32 bytes');
    this.key = subKey(masterKey, info);
  }

  seal(text: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  open(blob: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, blob.subarray(0, 12));
    decipher.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/** AES-256-GCM for CPR numbers at rest, plus a keyed hash (HMAC-SHA-256) for exact lookup. */
export class CprCipher {
  private readonly sealer: Sealer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('CPR key must be 32 bytes');
    // Separate keys for encryption and lookup hashing, both derived from the configured one.
    this.sealer = new Sealer(masterKey, 'tvaers cpr enc');
    this.macKey = subKey(masterKey, 'tvaers cpr mac');
  }

  encrypt(cpr: string): Buffer {
    return this.sealer.seal(cpr);
  }

  decrypt(blob: Buffer): string {
    return this.sealer.open(blob);
  }

  hash(cpr: string): Buffer {
    return createHmac('sha256', this.macKey).update(cpr).digest();
  }
}

/**
 * The key comes from CPR_ENCRYPTION_KEY. Outside production, a missing key is generated once under
 * DATA_DIR (and said so), so a local start needs no setup.
 */
/** The settings it reads, so common/ need not know the app's config module. */
export interface CprKeyConfig {
  cprKeyHex?: string;
  env: string;
  dataDir: string;
}

export function loadCprKey(config: CprKeyConfig, log: (m: string) => void): Buffer {
  if (config.cprKeyHex) return Buffer.from(config.cprKeyHex, 'hex');
  if (config.env === 'production') throw new Error('CPR_ENCRYPTION_KEY is required in production');
  const file = path.join(config.dataDir, 'cpr-key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  log(`No CPR_ENCRYPTION_KEY set: generated a development key in ${file}`);
  return key;
}
