import { weakPassword } from './password-policy';

describe('weakPassword', () => {
  it('refuses patterns of few characters and digits only, however long', () => {
    expect(weakPassword('aaaaaaaaaaaa')).toBe('pattern');
    expect(weakPassword('abababababababab')).toBe('pattern');
    expect(weakPassword('123412341234')).toBe('pattern');
    expect(weakPassword('907152836401')).toBe('pattern');
  });

  it('refuses common passwords, also with digits or signs around them', () => {
    expect(weakPassword('password1234')).toBe('common');
    expect(weakPassword('PASSWORD1234')).toBe('common');
    expect(weakPassword('Password2024!')).toBe('common');
    expect(weakPassword('!!qwertyuiop')).toBe('common');
  });

  it('accepts a long password of several words', () => {
    expect(weakPassword('blå cykel under broen')).toBeNull();
    expect(weakPassword('Korrekt-Hest-Batteri-Klips')).toBeNull();
  });
});
