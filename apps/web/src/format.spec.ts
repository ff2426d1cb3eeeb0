// Unit tests of the portal's Dutch formatting (jest project `unit`: `TZ=UTC npx jest apps/web/src/format.spec.ts`).
import { count, date, dateLong, dateTime, euroCents, plural, UNKNOWN } from './format';

describe('portal formatting', () => {
  it('writes amounts in cents as euros, Dutch style (a no-break space after the sign)', () => {
    const nbsp = '\u00a0';
    expect(euroCents(123456)).toBe(`€${nbsp}1.234,56`);
    expect(euroCents(5)).toBe(`€${nbsp}0,05`);
    expect(euroCents(-250)).toBe(`€${nbsp}-2,50`);
    expect(euroCents(0)).toBe(`€${nbsp}0,00`);
  });

  it('shows "-" for every unknown figure, never 0', () => {
    expect(UNKNOWN).toBe('-');
    for (const unknown of [null, undefined]) {
      expect(euroCents(unknown)).toBe('-');
      expect(count(unknown)).toBe('-');
      expect(date(unknown)).toBe('-');
      expect(dateLong(unknown)).toBe('-');
      expect(dateTime(unknown)).toBe('-');
      expect(plural(unknown, 'deelname', 'deelnames')).toBe('-');
    }
    expect(count('')).toBe('-');
    expect(date('')).toBe('-');
    expect(count(0)).toBe('0');
  });

  it('counts with Dutch digit grouping', () => {
    expect(count(1234567)).toBe('1.234.567');
    expect(count('338')).toBe('338');
  });

  it('writes dates as dd-mm-jjjj in tables and long in running text', () => {
    expect(date('2027-01-31')).toBe('31-01-2027');
    expect(date('2025-03-05')).toBe('05-03-2025');
    expect(dateLong('2027-01-31')).toBe('31 januari 2027');
    expect(dateLong('2025-03-05')).toBe('5 maart 2025');
  });

  it('takes the day of a timestamp in the Netherlands, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1 in winter).
    expect(date('2026-12-31T23:30:00.000Z')).toBe('01-01-2027');
    expect(dateLong('2026-12-31T23:30:00.000Z')).toBe('1 januari 2027');
    expect(dateTime('2026-11-23T13:05:00.000Z')).toBe('23 november 2026 om 14:05');
  });

  it('puts the right Dutch plural after a number', () => {
    expect(plural(1, 'deelname', 'deelnames')).toBe('1 deelname');
    expect(plural(2, 'deelname', 'deelnames')).toBe('2 deelnames');
    expect(plural(0, 'factuur', 'facturen')).toBe('0 facturen');
    expect(plural(1234, 'deelname', 'deelnames')).toBe('1.234 deelnames');
  });
});
