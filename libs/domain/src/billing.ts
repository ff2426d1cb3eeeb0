import Decimal from 'decimal.js';
import { addDays, firstOfJanuary, IsoDate, yearOf } from './calendar-date';
import { cents, Cents, minusCents, plusCents } from './money';
import { dayCount, intersect, Period } from './period';

/**
 * DOMAIN.md billing rules 1, 2 and 4: amount = inhabitants x tariff, pro rata by the days of
 * participation over the days of that year, rounded half up to the cent per line; totals are sums
 * of rounded lines; money never in binary floats.
 */

export type ReferenceDateRule = 'JANUARY_FIRST_PREVIOUS_YEAR' | 'JANUARY_FIRST_SAME_YEAR';

/** The CBS reference date (peildatum) for a billed period: by default 1 January of the year before. */
export function referenceDateFor(rule: ReferenceDateRule, periodStart: IsoDate): IsoDate {
  const year = yearOf(periodStart);
  return firstOfJanuary(rule === 'JANUARY_FIRST_PREVIOUS_YEAR' ? year - 1 : year);
}

export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

export interface TariffPeriod extends Period {
  /** EUR per inhabitant per year, decimal string. */
  perInhabitant: string;
}

/** One billable stretch: a tariff and a calendar year apply throughout it. */
export interface ChargeSegment {
  from: IsoDate;
  to: IsoDate;
  days: number;
  daysInYear: number;
  perInhabitant: string;
}

/**
 * The participation's days within the billed period, split wherever the tariff changes or a
 * calendar year ends (the pro-rata denominator is the days of that year). Days without a tariff
 * are not billable and are left out.
 */
export function chargeSegments(
  billed: { from: IsoDate; to: IsoDate },
  participation: Period,
  tariffs: readonly TariffPeriod[],
): ChargeSegment[] {
  const span = intersect({ from: billed.from, to: billed.to }, participation);
  if (!span || span.to === null) return [];
  const segments: ChargeSegment[] = [];
  for (const tariff of [...tariffs].sort((a, b) => a.from.localeCompare(b.from))) {
    const withTariff = intersect(span, tariff);
    if (!withTariff || withTariff.to === null) continue;
    for (let year = yearOf(withTariff.from); year <= yearOf(withTariff.to); year++) {
      const piece = intersect(withTariff, { from: firstOfJanuary(year), to: `${year}-12-31` });
      if (!piece || piece.to === null) continue;
      segments.push({
        from: piece.from,
        to: piece.to,
        days: dayCount({ from: piece.from, to: piece.to }),
        daysInYear: daysInYear(year),
        perInhabitant: tariff.perInhabitant,
      });
    }
  }
  return segments;
}

/** inhabitants x tariff x days / days-in-year, in cents, rounded half up (rule 4: per line). */
export function lineAmountCents(inhabitants: number, perInhabitant: string, days: number, yearDays: number): Cents {
  return cents(
    new Decimal(inhabitants)
      .mul(perInhabitant)
      .mul(days)
      .div(yearDays)
      .mul(100)
      .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
      .toNumber(),
  );
}

/** VAT over a document's taxable amount (EN 16931 BR-CO-17), in cents, rounded half up. */
export function vatAmountCents(taxableCents: Cents, ratePercent: string): Cents {
  return cents(
    new Decimal(taxableCents).mul(ratePercent).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(),
  );
}

/**
 * VAT of a (partial) credit note: the VAT on everything credited so far, this note included,
 * less the VAT credited before. Rounded once on the running total, so the parts add up to the
 * invoice's own VAT to the cent, however an invoice is credited in pieces.
 */
export function creditNoteVatCents(input: {
  ratePercent: string;
  creditedBeforeCents: Cents;
  creditedVatBeforeCents: Cents;
  creditingCents: Cents;
}): Cents {
  return minusCents(
    vatAmountCents(plusCents(input.creditedBeforeCents, input.creditingCents), input.ratePercent),
    input.creditedVatBeforeCents,
  );
}

/** The whole year, or a custom period, as inclusive dates. */
export function billingPeriod(input: { year?: number; periodStart?: IsoDate; periodEnd?: IsoDate }): {
  from: IsoDate;
  to: IsoDate;
} {
  if (input.year !== undefined) return { from: firstOfJanuary(input.year), to: `${input.year}-12-31` };
  return { from: input.periodStart!, to: input.periodEnd! };
}

export function dueDate(issueDate: IsoDate, paymentTermDays: number): IsoDate {
  return addDays(issueDate, paymentTermDays);
}

/** Formats cents the Dutch way: 1428000 -> "14.280,00". */
export function formatEuroCents(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${euros},${String(abs % 100).padStart(2, '0')}`;
}

export function formatInteger(value: number): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Cents as a decimal string for XML: 1428000 -> "14280.00". */
export function centsToDecimal(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
