import { userAgentSummary } from './user-agent';

describe('userAgentSummary', () => {
  it('names common browsers and systems, and nothing it does not know', () => {
    expect(
      userAgentSummary(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
      ),
    ).toEqual({ browser: 'Edge', system: 'Windows' });
    expect(
      userAgentSummary(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', system: 'iOS' });
    expect(userAgentSummary('Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0')).toEqual({
      browser: 'Firefox',
      system: 'Linux',
    });
    expect(userAgentSummary('curl/8.0')).toEqual({ browser: null, system: null });
    expect(userAgentSummary(null)).toEqual({ browser: null, system: null });
  });
});
