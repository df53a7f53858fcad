import { unstorableFields } from './unstorable-text';
import { isForeignOrigin, isJson, refuseBody } from './request-rules';

describe('isForeignOrigin', () => {
  it('accepts no Origin and our own host, refuses others, null and garbage', () => {
    expect(isForeignOrigin(undefined, 'tvaers.dk')).toBe(false);
    expect(isForeignOrigin('https://tvaers.dk', 'tvaers.dk')).toBe(false);
    expect(isForeignOrigin('https://tvaers.dk.evil.example', 'tvaers.dk')).toBe(true);
    expect(isForeignOrigin('http://tvaers.dk:8080', 'tvaers.dk')).toBe(true);
    expect(isForeignOrigin('null', 'tvaers.dk')).toBe(true);
    expect(isForeignOrigin('', 'tvaers.dk')).toBe(true);
  });
});

describe('refuseBody', () => {
  const json = { 'content-type': 'application/json', 'content-length': '10' };

  it('takes JSON only, with a UTF-8 charset at most', () => {
    expect(isJson('application/json')).toBe(true);
    expect(isJson('Application/JSON; charset=UTF-8')).toBe(true);
    expect(isJson('application/json; charset=latin1')).toBe(false);
    expect(isJson('application/x-www-form-urlencoded')).toBe(false);
    expect(isJson('text/plain')).toBe(false);
    expect(isJson('application/jsonp')).toBe(false);
    expect(isJson(undefined)).toBe(false);
  });

  it('judges only mutating requests that carry a body', () => {
    expect(refuseBody('POST', json, 100)).toBeNull();
    expect(refuseBody('GET', { 'content-type': 'text/plain', 'content-length': '3' }, 100)).toBeNull();
    expect(refuseBody('POST', { 'content-type': 'text/plain' }, 100)).toBeNull();
    expect(refuseBody('DELETE', { 'content-type': 'text/plain', 'content-length': '0' }, 100)).toBeNull();
    expect(refuseBody('PATCH', { 'content-type': 'text/plain', 'content-length': '3' }, 100)?.status).toBe(415);
    expect(refuseBody('PUT', { 'transfer-encoding': 'chunked' }, 100)?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refuseBody('POST', { ...json, 'content-length': '101' }, 100)?.code).toBe('BODY_TOO_LARGE');
  });
});

/** Any message: the paths are what is checked. */
const someText: unknown = expect.any(String);

describe('unstorableFields', () => {
  it('names every string and key holding a NUL by its dotted path', () => {
    expect(unstorableFields({ a: 'ok', b: { c: ['x', 'y\u0000'] }, 'd\u0000': 1, e: 'z\u0000' })).toEqual([
      { path: 'b.c.1', message: someText },
      { path: 'd\\u0000', message: someText },
      { path: 'e', message: someText },
    ]);
    expect(unstorableFields('\u0000')).toEqual([{ path: '(body)', message: someText }]);
    expect(unstorableFields({ q: 'Jens' })).toEqual([]);
    expect(unstorableFields(undefined)).toEqual([]);
  });

  it('names unpaired surrogates too, and lets a well-formed pair (an emoji) through', () => {
    expect(unstorableFields({ name: 'Na\ud800me', ok: 'smil \ud83d\ude00', 'k\udc00': 1 })).toEqual([
      { path: 'name', message: someText },
      { path: 'k\ufffd', message: someText },
    ]);
  });

  it('copes with nesting deeper than the call stack', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}"\\u0000"${']'.repeat(200_000)}`) as unknown;
    const [error] = unstorableFields(deep);
    expect(error.path).toMatch(/^…(\.0)+$/);
    expect(error.path.length).toBeLessThan(300);
  });
});
