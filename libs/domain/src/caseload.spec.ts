import { caseLoad, caseloadStatus, isValidCaseWeight, utilization, wouldExceedCeiling } from './caseload';

describe('caseload', () => {
  it('sums the weights of active cases without float drift', () => {
    expect(caseLoad([{ weight: 0.1 }, { weight: 0.2 }])).toBe(0.3);
    expect(
      caseLoad([{ weight: 1.5 }, { weight: 0.5 }, { weight: 1, status: 'closed' }, { weight: 1, status: 'active' }]),
    ).toBe(3);
    expect(caseLoad(Array.from({ length: 10 }, () => ({ weight: 0.1 })))).toBe(1);
    expect(caseLoad([])).toBe(0);
  });

  it('computes utilization', () => {
    expect(utilization(22.5, 25)).toBe(0.9);
    expect(utilization(0, 0)).toBe(0);
    expect(utilization(1, 0)).toBe(Infinity);
  });

  it('classifies ok, near and over', () => {
    expect(caseloadStatus(22.4, 25)).toBe('ok');
    expect(caseloadStatus(caseLoad(Array.from({ length: 45 }, () => ({ weight: 0.5 }))), 25)).toBe('near'); // 22.5
    expect(caseloadStatus(25, 25)).toBe('near');
    expect(caseloadStatus(25.5, 25)).toBe('over');
    expect(caseloadStatus(20, 25, 0.8)).toBe('near');
    expect(caseloadStatus(0, 0)).toBe('ok');
    expect(caseloadStatus(0.5, 0)).toBe('over');
  });

  it('allows reaching the ceiling but not passing it', () => {
    expect(wouldExceedCeiling(0.1 + 0.2 + 23.7, 1, 25)).toBe(false); // 0.1 + 0.2 is 0.30000000000000004 in floats
    expect(wouldExceedCeiling(24.5, 0.5, 25)).toBe(false);
    expect(wouldExceedCeiling(24.5, 1, 25)).toBe(true);
  });

  it('validates weights', () => {
    expect(isValidCaseWeight(1.5)).toBe(true);
    expect(isValidCaseWeight(0.25)).toBe(true);
    expect(isValidCaseWeight(0)).toBe(false);
    expect(isValidCaseWeight(-1)).toBe(false);
    expect(isValidCaseWeight(0.125)).toBe(false);
    expect(isValidCaseWeight(Number.NaN)).toBe(false);
  });
});
