import { weakPassword } from './password-policy';

describe('weakPassword', () => {
  it.each([
    // Patterns of few characters, and digits only, are refused however long.
    ['aaaaaaaaaaaa', 'pattern'],
    ['abababababababab', 'pattern'],
    ['123412341234', 'pattern'],
    ['907152836401', 'pattern'],
    // Common passwords are refused, also with digits or signs around them.
    ['password1234', 'common'],
    ['PASSWORD1234', 'common'],
    ['Password2024!', 'common'],
    ['!!qwertyuiop', 'common'],
    // A long password of several words is accepted.
    ['blå cykel under broen', null],
    ['Korrekt-Hest-Batteri-Klips', null],
  ])('judges %s: %s', (password, verdict) => {
    expect(weakPassword(password)).toBe(verdict);
  });
});
