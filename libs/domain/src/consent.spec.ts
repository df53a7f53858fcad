import { changeConsent } from './consent';

const t1 = new Date('2026-03-01T08:00:00Z');
const t2 = new Date('2026-04-01T08:00:00Z');
const now = new Date('2026-05-01T08:00:00Z');

describe('changeConsent', () => {
  it('a first consent is given now', () => {
    expect(changeConsent(null, true, now)).toEqual({ given: true, givenAt: now, withdrawnAt: null });
  });

  it('giving it again keeps when it was given', () => {
    expect(changeConsent({ given: true, givenAt: t1, withdrawnAt: null }, true, now)).toEqual({
      given: true,
      givenAt: t1,
      withdrawnAt: null,
    });
  });

  it('withdrawing keeps when it was given and records when it was withdrawn', () => {
    expect(changeConsent({ given: true, givenAt: t1, withdrawnAt: null }, false, now)).toEqual({
      given: false,
      givenAt: t1,
      withdrawnAt: now,
    });
  });

  it('withdrawing again keeps the first withdrawal', () => {
    expect(changeConsent({ given: false, givenAt: t1, withdrawnAt: t2 }, false, now)).toEqual({
      given: false,
      givenAt: t1,
      withdrawnAt: t2,
    });
  });

  it('giving after a withdrawal starts anew', () => {
    expect(changeConsent({ given: false, givenAt: t1, withdrawnAt: t2 }, true, now)).toEqual({
      given: true,
      givenAt: now,
      withdrawnAt: null,
    });
  });

  it('a refusal without earlier consent records no withdrawal', () => {
    expect(changeConsent(null, false, now)).toEqual({ given: false, givenAt: null, withdrawnAt: null });
  });
});
