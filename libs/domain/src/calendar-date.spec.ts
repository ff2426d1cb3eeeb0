import { addDays, addYears, daysBetween, dutchDate, dutchLongDate, isIsoDate, todayInAmsterdam } from './calendar-date';

describe('calendar dates', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-13-01')).toBe(false);
    expect(isIsoDate('2019-1-01')).toBe(false);
    expect(isIsoDate('2019-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20190101)).toBe(false);
  });

  it('adds days across month, year and daylight-saving boundaries', () => {
    expect(addDays('2022-03-24', -1)).toBe('2022-03-23');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31'); // DST starts in Amsterdam on 2025-03-30
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2018-01-01', 1)).toBe('2019-01-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('writes a date as Dutch documents do: 01-01-2015 in a table, 1 januari 2015 in a sentence', () => {
    expect(dutchDate('2015-01-01')).toBe('01-01-2015');
    expect(dutchLongDate('2015-01-01')).toBe('1 januari 2015');
    expect(dutchLongDate('2015-07-01')).toBe('1 juli 2015');
    expect(dutchLongDate('2022-03-24')).toBe('24 maart 2022');
    expect(dutchLongDate('2024-12-31')).toBe('31 december 2024');
    expect(() => dutchLongDate('2019-02-29')).toThrow(TypeError);
  });

  it('takes today in Amsterdam, not in UTC', () => {
    expect(todayInAmsterdam(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInAmsterdam(new Date('2025-06-30T21:59:00Z'))).toBe('2025-06-30');
  });
});
