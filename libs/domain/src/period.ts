import { addDays, IsoDate, maxDate, minDate } from './calendar-date';

/** A period of whole days, both ends inclusive; `to: null` is open-ended. */
export interface Period {
  from: IsoDate;
  to: IsoDate | null;
}

const END_OF_TIME = '9999-12-31';

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.from <= (b.to ?? END_OF_TIME) && b.from <= (a.to ?? END_OF_TIME);
}

export function periodContains(outer: Period, inner: Period): boolean {
  return outer.from <= inner.from && (outer.to === null || (inner.to !== null && inner.to <= outer.to));
}

export function contains(period: Period, day: IsoDate): boolean {
  return period.from <= day && (period.to === null || day <= period.to);
}

/** The overlap of two periods, or null when they do not meet. */
export function intersect(a: Period, b: Period): Period | null {
  if (!periodsOverlap(a, b)) return null;
  const to = a.to === null ? b.to : b.to === null ? a.to : minDate(a.to, b.to);
  return { from: maxDate(a.from, b.from), to };
}

/** Whole days in a closed period. */
export function dayCount(period: { from: IsoDate; to: IsoDate }): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function dayBefore(day: IsoDate): IsoDate {
  return addDays(day, -1);
}

/** The first pair of overlapping periods in a list, or null. */
export function firstOverlap<T extends Period>(periods: readonly T[]): [T, T] | null {
  const sorted = [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < sorted.length; i++)
    if (periodsOverlap(sorted[i - 1], sorted[i])) return [sorted[i - 1], sorted[i]];
  return null;
}

/** A period less some others (e.g. the days a municipality is excepted from a contract): the pieces that remain, in order. */
export function subtractPeriods(period: Period, cuts: readonly Period[]): Period[] {
  let pieces: Period[] = [period];
  for (const cut of cuts) {
    pieces = pieces.flatMap((piece) => {
      if (!periodsOverlap(piece, cut)) return [piece];
      const left = cut.from > piece.from ? [{ from: piece.from, to: addDays(cut.from, -1) }] : [];
      const right =
        cut.to !== null && (piece.to === null || cut.to < piece.to) ? [{ from: addDays(cut.to, 1), to: piece.to }] : [];
      return [...left, ...right];
    });
  }
  return pieces;
}
