import { RequestValidationError } from '@wmo/common';
import { clamp, clip, periodOf, PeriodQuery } from './period.rules';

const TODAY = '2025-06-15';

function fieldErrors(query: PeriodQuery) {
  try {
    periodOf(query, TODAY);
  } catch (error) {
    if (error instanceof RequestValidationError) return error.fieldErrors;
    throw error;
  }
  return [];
}

describe('the period asked for', () => {
  it('is today when nothing is given', () => {
    expect(periodOf({}, TODAY)).toEqual({ period: { from: TODAY, to: TODAY }, asOf: TODAY });
  });

  it('a date is judged as of that date, also in the future', () => {
    expect(periodOf({ date: '2030-01-01' }, TODAY)).toEqual({
      period: { from: '2030-01-01', to: '2030-01-01' },
      asOf: '2030-01-01',
    });
  });

  it('a year is judged as of today, within the year', () => {
    expect(periodOf({ year: 2025 }, TODAY)).toEqual({ period: { from: '2025-01-01', to: '2025-12-31' }, asOf: TODAY });
    expect(periodOf({ year: 2020 }, TODAY).asOf).toBe('2020-12-31');
    expect(periodOf({ year: 2027 }, TODAY).asOf).toBe('2027-01-01');
  });

  it('from-to is judged as of today, within the period', () => {
    expect(periodOf({ from: '2024-03-01', to: '2025-02-28' }, TODAY)).toEqual({
      period: { from: '2024-03-01', to: '2025-02-28' },
      asOf: '2025-02-28',
    });
  });

  it('a period of 3,660 days (ten years and a few) is the longest allowed', () => {
    expect(periodOf({ from: '2016-01-01', to: '2026-01-07' }, TODAY).period.to).toBe('2026-01-07');
  });

  it.each<[string, PeriodQuery, { field: string; message: string }]>([
    [
      'date and year',
      { date: '2025-01-01', year: 2025 },
      { field: 'date', message: 'give one of date, year, or from and to' },
    ],
    [
      'year and from',
      { year: 2025, from: '2025-01-01' },
      { field: 'date', message: 'give one of date, year, or from and to' },
    ],
    ['from without to', { from: '2025-01-01' }, { field: 'to', message: 'from and to go together' }],
    ['to without from', { to: '2025-01-01' }, { field: 'from', message: 'from and to go together' }],
    [
      'to before from',
      { from: '2025-02-01', to: '2025-01-31' },
      { field: 'to', message: 'to must not be before from' },
    ],
    [
      'to before from by a month',
      { from: '2025-02-01', to: '2025-01-01' },
      { field: 'to', message: 'to must not be before from' },
    ],
    [
      'eleven years (2015-01-01 to 2025-12-31)',
      { from: '2015-01-01', to: '2025-12-31' },
      { field: 'to', message: 'a period may span at most ten years' },
    ],
    [
      '3,661 days',
      { from: '2016-01-01', to: '2026-01-08' },
      { field: 'to', message: 'a period may span at most ten years' },
    ],
    [
      'from before 2015',
      { from: '2014-12-31', to: '2015-12-31' },
      { field: 'from', message: 'from must be 2015-01-01 or later: the duty exists from 2015' },
    ],
    [
      'a date before 2015',
      { date: '2014-12-31' },
      { field: 'date', message: 'date must be 2015-01-01 or later: the duty exists from 2015' },
    ],
    ['a date more than a century ahead', { date: '2125-06-16' }, { field: 'date', message: 'date lies too far ahead' }],
  ])('refuses %s, naming the field', (_case, query, error) => {
    expect(fieldErrors(query)).toEqual([error]);
  });

  it('a date exactly a century ahead is still allowed', () => {
    expect(fieldErrors({ date: '2125-06-15' })).toEqual([]);
  });
});

describe('clip and clamp', () => {
  it('clip keeps the overlap, or nothing', () => {
    expect(clip({ from: '2025-01-01', to: '2025-12-31' }, { from: '2025-07-01', to: '2026-06-30' })).toEqual({
      from: '2025-07-01',
      to: '2025-12-31',
    });
    expect(clip({ from: '2025-01-01', to: '2025-06-30' }, { from: '2025-07-01', to: '2025-12-31' })).toBeNull();
  });

  it('clamp moves a day into the period', () => {
    const year = { from: '2025-01-01', to: '2025-12-31' };
    expect([clamp('2024-05-05', year), clamp('2025-05-05', year), clamp('2026-05-05', year)]).toEqual([
      '2025-01-01',
      '2025-05-05',
      '2025-12-31',
    ]);
  });
});
