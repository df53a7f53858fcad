import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, scrubUrl } from './logger';

describe('logging', () => {
  it('scrubs guest tokens and CPR numbers from URLs', () => {
    expect(scrubUrl('/api/guest/abcDEF123_-x/choose')).toBe('/api/guest/[token]/choose');
    expect(scrubUrl('/m/abcDEF123')).toBe('/m/[token]');
    expect(scrubUrl('/set-password/abcDEF123_-x')).toBe('/set-password/[token]');
    expect(scrubUrl('/api/citizens?q=010190-1234')).toBe('/api/citizens?q=[cpr]');
    expect(scrubUrl('/api/citizens?q=0101901234')).toBe('/api/citizens?q=[cpr]');
  });

  it('never writes passwords or CPR fields', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()),
    });
    const logger = createLogger('info');
    const child = pino({ ...logger.levels, redact: ['password', '*.password', 'cpr', '*.cpr'] }, sink);
    child.info({ body: { password: 'hemmelig', cpr: '0101901234' } }, 'login');
    expect(lines.join('')).not.toContain('hemmelig');
    expect(lines.join('')).not.toContain('0101901234');
  });

  it('scrubs CPR numbers from every line: messages, errors and nested fields', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()),
    });
    const logger = createLogger('info', sink);
    logger.info({ query: { q: '010190-1234' } }, 'search for 0101901234');
    logger.error({ err: new Error('duplicate key (cpr)=(311299-9999)') }, 'failed');
    const text = lines.join('');
    expect(lines).toHaveLength(2);
    expect(text).not.toMatch(/010190-?1234|311299-?9999/);
    expect(text).toContain('search for [cpr]');
  });
});
