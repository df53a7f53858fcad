import { randomBytes } from 'node:crypto';
import { CprCipher } from './cpr-cipher';

describe('CprCipher', () => {
  const cipher = new CprCipher(randomBytes(32));

  it('round-trips and never stores the clear CPR', () => {
    const blob = cipher.encrypt('0101901234');
    expect(blob.toString('latin1')).not.toContain('0101901234');
    expect(cipher.decrypt(blob)).toBe('0101901234');
  });

  it('uses a fresh IV each time but a stable lookup hash', () => {
    expect(cipher.encrypt('0101901234').equals(cipher.encrypt('0101901234'))).toBe(false);
    expect(cipher.hash('0101901234').equals(cipher.hash('0101901234'))).toBe(true);
    expect(cipher.hash('0101901234').equals(new CprCipher(randomBytes(32)).hash('0101901234'))).toBe(false);
  });

  it('detects tampering', () => {
    const blob = cipher.encrypt('0101901234');
    blob[blob.length - 1] ^= 1;
    expect(() => cipher.decrypt(blob)).toThrow();
  });
});
