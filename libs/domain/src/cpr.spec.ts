import { maskCpr, validateCpr } from './cpr';

const today = '2026-05-01';

describe('validateCpr', () => {
  it('accepts both formats and normalises to 10 digits', () => {
    expect(validateCpr('010190-1234', today)).toEqual({ ok: true, cpr: '0101901234', birthDate: '1990-01-01' });
    expect(validateCpr('0101901234', today)).toEqual({ ok: true, cpr: '0101901234', birthDate: '1990-01-01' });
  });

  it('rejects malformed input', () => {
    for (const input of ['', '010190 1234', '010190--1234', '01019012345', '0101a01234', '010190/1234']) {
      expect(validateCpr(input, today)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('derives the century from the 7th digit', () => {
    const year = (cpr: string) => {
      const r = validateCpr(cpr, today);
      return r.ok ? r.birthDate.slice(0, 4) : r.reason;
    };
    expect(year('010136-0000')).toBe('1936');
    expect(year('010199-3999')).toBe('1999');
    expect(year('010136-4000')).toBe('future'); // 2036
    expect(year('010120-4000')).toBe('2020');
    expect(year('010137-4000')).toBe('1937');
    expect(year('010120-9000')).toBe('2020');
    expect(year('010137-9000')).toBe('1937');
    expect(year('010157-5000')).toBe('future'); // 2057
    expect(year('010110-8000')).toBe('2010');
    expect(year('010158-5000')).toBe('1858');
    expect(year('311299-8000')).toBe('1899');
  });

  it('handles leap days by the derived century', () => {
    expect(validateCpr('290200-4123', today)).toMatchObject({ ok: true, birthDate: '2000-02-29' }); // 2000 is leap
    expect(validateCpr('290200-1123', today)).toEqual({ ok: false, reason: 'date' }); // 1900 is not
    expect(validateCpr('290100-1123', today)).toMatchObject({ ok: true, birthDate: '1900-01-29' }); // 29 January
    expect(validateCpr('290224-4123', today)).toMatchObject({ ok: true, birthDate: '2024-02-29' });
    expect(validateCpr('290223-4123', today)).toEqual({ ok: false, reason: 'date' });
    expect(validateCpr('290258-5123', today)).toEqual({ ok: false, reason: 'date' }); // 1858
  });

  it('rejects impossible dates', () => {
    expect(validateCpr('320190-1234', today)).toEqual({ ok: false, reason: 'date' });
    expect(validateCpr('011390-1234', today)).toEqual({ ok: false, reason: 'date' });
    expect(validateCpr('000190-1234', today)).toEqual({ ok: false, reason: 'date' });
  });

  it('rejects birth dates after today, but not today', () => {
    expect(validateCpr('010526-4123', today)).toMatchObject({ ok: true, birthDate: '2026-05-01' });
    expect(validateCpr('020526-4123', today)).toEqual({ ok: false, reason: 'future' });
    expect(validateCpr('290224-4123', '2024-02-28')).toEqual({ ok: false, reason: 'future' });
  });

  it('does no modulus-11 check', () => {
    expect(validateCpr('010190-1235', today).ok).toBe(true);
  });
});

describe('maskCpr', () => {
  it('keeps the birth date and hides the serial', () => {
    expect(maskCpr('0101901234')).toBe('010190-XXXX');
    expect(maskCpr('010190-1234')).toBe('010190-XXXX');
    expect(maskCpr('010190')).toBe('010190-XXXX');
    expect(() => maskCpr('12345')).toThrow(RangeError);
  });

  it('shows no digit of an anonymised citizen, whose CPR is gone', () => {
    expect(maskCpr(null)).toBe('XXXXXX-XXXX');
  });
});
