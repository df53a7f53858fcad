import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, scrubUrl } from './logger';

/** A stream that keeps every line written to it. */
const capture = () => {
  const lines: string[] = [];
  const sink = new Writable({
    write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()),
  });
  return { lines, sink };
};

describe('logging', () => {
  it.each([
    ['/api/guest/abcDEF123_-x/choose', '/api/guest/[token]/choose'],
    ['/m/abcDEF123', '/m/[token]'],
    ['/set-password/abcDEF123_-x', '/set-password/[token]'],
    ['/api/citizens?q=010190-1234', '/api/citizens?q=[cpr]'],
    ['/api/citizens?q=0101901234', '/api/citizens?q=[cpr]'],
  ])('scrubs guest tokens and CPR numbers from URLs: %s', (url, scrubbed) => {
    expect(scrubUrl(url)).toBe(scrubbed);
  });

  it('never writes passwords or CPR fields', () => {
    const { lines, sink } = capture();
    const logger = createLogger('info');
    const child = pino({ ...logger.levels, redact: ['password', '*.password', 'cpr', '*.cpr'] }, sink);
    child.info({ body: { password: 'hemmelig', cpr: '0101901234' } }, 'login');
    expect(lines.join('')).not.toContain('hemmelig');
    expect(lines.join('')).not.toContain('0101901234');
  });

  it('scrubs CPR numbers from every line: messages, errors and nested fields', () => {
    const { lines, sink } = capture();
    const logger = createLogger('info', sink);
    logger.info({ query: { q: '010190-1234' } }, 'search for 0101901234');
    logger.error({ err: new Error('duplicate key (cpr)=(311299-9999)') }, 'failed');
    const text = lines.join('');
    expect(lines).toHaveLength(2);
    expect(text).not.toMatch(/010190-?1234|311299-?9999/);
    expect(text).toContain('search for [cpr]');
  });
});
