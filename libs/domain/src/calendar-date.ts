/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`).
 *
 * The domain works in whole days (reference dates, participation periods, merger dates), never
 * in instants, so dates are plain strings: they compare correctly as strings, serialise as they
 * are, and cannot pick up a time zone. Arithmetic goes through UTC midnight, where every day has
 * exactly 24 hours.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (2019-02-29 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

export function assertIsoDate(value: unknown, what = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    throw new TypeError(`${what} must be a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function firstOfJanuary(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-01-01`;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function isFirstOfJanuary(date: IsoDate): boolean {
  return date.endsWith('-01-01');
}

function toUtcMs(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const y = yearOf(date) + years;
  const candidate = `${String(y).padStart(4, '0')}${date.slice(4)}`;
  return isIsoDate(candidate) ? candidate : `${String(y).padStart(4, '0')}-02-28`;
}

/** Number of days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** 2025-01-31 -> 31-01-2025, as Dutch documents write dates. */
export function dutchDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

const DUTCH_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** 2015-01-01 -> "1 januari 2015", as a Dutch sentence writes a date. */
export function dutchLongDate(iso: IsoDate): string {
  const date = assertIsoDate(iso);
  return `${Number(date.slice(8, 10))} ${DUTCH_MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(0, 4))}`;
}

let pinnedToday: IsoDate | null = null;

/** Tests only (CLOCK_TODAY): makes `todayInAmsterdam()` answer this date; `null` restores the clock. */
export function pinToday(date: IsoDate | null): void {
  pinnedToday = date;
}

/**
 * Dates in Amsterdam as YYYY-MM-DD (en-CA's format). Made once: building a formatter with a time
 * zone costs a hundred times more than using one, and the overview asked for today once for each
 * of its 342 municipalities (some 28 ms a request).
 */
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in the Netherlands (Europe/Amsterdam), where the duty applies. */
export function todayInAmsterdam(now?: Date): IsoDate {
  if (!now && pinnedToday) return pinnedToday;
  return AMSTERDAM_DATE.format(now ?? new Date());
}
