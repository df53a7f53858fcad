import { caseLoad, wouldExceedCeiling } from './caseload';

describe('caseload', () => {
  it('sums the weights of active cases without float drift', () => {
    expect(caseLoad([{ weight: 0.1 }, { weight: 0.2 }])).toBe(0.3);
    expect(
      caseLoad([{ weight: 1.5 }, { weight: 0.5 }, { weight: 1, status: 'closed' }, { weight: 1, status: 'active' }]),
    ).toBe(3);
    expect(caseLoad(Array.from({ length: 10 }, () => ({ weight: 0.1 })))).toBe(1);
    expect(caseLoad([])).toBe(0);
  });

  it('allows reaching the ceiling but not passing it', () => {
    expect(wouldExceedCeiling(0.1 + 0.2 + 23.7, 1, 25)).toBe(false); // 0.1 + 0.2 is 0.30000000000000004 in floats
    expect(wouldExceedCeiling(24.5, 0.5, 25)).toBe(false);
    expect(wouldExceedCeiling(24.5, 1, 25)).toBe(true);
  });
});
