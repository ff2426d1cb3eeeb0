import { addDays, addYears, daysBetween, isIsoDate, todayInAmsterdam } from './calendar-date';

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

  it('takes today in Amsterdam, not in UTC', () => {
    expect(todayInAmsterdam(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInAmsterdam(new Date('2025-06-30T21:59:00Z'))).toBe('2025-06-30');
  });
});
