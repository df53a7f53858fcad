import { changeConsent, type ConsentState } from './consent';

const t1 = new Date('2026-03-01T08:00:00Z');
const t2 = new Date('2026-04-01T08:00:00Z');
const now = new Date('2026-05-01T08:00:00Z');

const given = (givenAt: Date): ConsentState => ({ given: true, givenAt, withdrawnAt: null });
const withdrawn = (givenAt: Date | null, withdrawnAt: Date | null): ConsentState => ({
  given: false,
  givenAt,
  withdrawnAt,
});

describe('changeConsent', () => {
  it.each<[string, ConsentState | null, boolean, ConsentState]>([
    ['a first consent is given now', null, true, given(now)],
    ['giving it again keeps when it was given', given(t1), true, given(t1)],
    ['withdrawing keeps when it was given and records when it was withdrawn', given(t1), false, withdrawn(t1, now)],
    ['withdrawing again keeps the first withdrawal', withdrawn(t1, t2), false, withdrawn(t1, t2)],
    ['giving after a withdrawal starts anew', withdrawn(t1, t2), true, given(now)],
    ['a refusal without earlier consent records no withdrawal', null, false, withdrawn(null, null)],
  ])('%s', (_name, before, give, after) => {
    expect(changeConsent(before, give, now)).toEqual(after);
  });
});
