import { RequestValidationError } from '@wmo/common';
import { addYears, daysBetween, firstOfJanuary, IsoDate, maxDate, minDate } from '@wmo/domain';

/** A period with both ends, inclusive. */
export interface DayPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** What a caller may ask for: one day, a calendar year, or a period from-to. */
export interface PeriodQuery {
  date?: IsoDate;
  year?: number;
  from?: IsoDate;
  to?: IsoDate;
}

/** Longest period one request may judge: ten years of coverage. */
export const MAX_PERIOD_DAYS = 3660;

/** The duty exists from the Wmo 2015. */
const FIRST_DAY = '2015-01-01';

export const yearPeriod = (year: number): DayPeriod => ({ from: firstOfJanuary(year), to: `${year}-12-31` });

/**
 * The period asked for and the day "now" is judged on: the date itself, or `today` within the
 * year or period. Exactly one of date, year, or from and to; without any, today.
 */
export function periodOf(query: PeriodQuery, today: IsoDate): { period: DayPeriod; asOf: IsoDate } {
  const given = [
    query.date !== undefined,
    query.year !== undefined,
    query.from !== undefined || query.to !== undefined,
  ].filter(Boolean).length;
  if (given > 1)
    throw new RequestValidationError([{ field: 'date', message: 'give one of date, year, or from and to' }]);
  if (query.year !== undefined) {
    const period = yearPeriod(query.year);
    return { period, asOf: clamp(today, period) };
  }
  if (query.from !== undefined || query.to !== undefined) {
    if (!query.from || !query.to)
      throw new RequestValidationError([{ field: query.from ? 'to' : 'from', message: 'from and to go together' }]);
    if (query.to < query.from)
      throw new RequestValidationError([{ field: 'to', message: 'to must not be before from' }]);
    if (daysBetween(query.from, query.to) >= MAX_PERIOD_DAYS)
      throw new RequestValidationError([{ field: 'to', message: 'a period may span at most ten years' }]);
    if (query.from < FIRST_DAY)
      throw new RequestValidationError([
        { field: 'from', message: 'from must be 2015-01-01 or later: the duty exists from 2015' },
      ]);
    const period = { from: query.from, to: query.to };
    return { period, asOf: clamp(today, period) };
  }
  const date = query.date ?? today;
  if (date < FIRST_DAY)
    throw new RequestValidationError([
      { field: 'date', message: 'date must be 2015-01-01 or later: the duty exists from 2015' },
    ]);
  if (date > addYears(today, 100))
    throw new RequestValidationError([{ field: 'date', message: 'date lies too far ahead' }]);
  return { period: { from: date, to: date }, asOf: date };
}

/** The part of `period` within `within`; null when they do not overlap. */
export function clip(period: DayPeriod, within: DayPeriod): DayPeriod | null {
  const from = maxDate(period.from, within.from);
  const to = minDate(period.to, within.to);
  return from <= to ? { from, to } : null;
}

/** The day, moved into the period when it lies outside. */
export const clamp = (day: IsoDate, period: DayPeriod): IsoDate => minDate(maxDate(day, period.from), period.to);
