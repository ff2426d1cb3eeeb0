import { Cents, centsToDecimal, lineAmountCents, minusCents, tariffDecimal } from '@wmo/domain';
import type { ChargedLine } from './invoice-line.rules';

/** What a stored line says about its amount: the figures it was computed from. */
export type LineFigures = Pick<ChargedLine, 'inhabitants' | 'perInhabitant' | 'days' | 'daysInYear' | 'amountCents'>;

/**
 * How an e-invoice line states its amount (EN 16931 BT-129 quantity, BT-146 net price, BG-27 line
 * allowance): the line net amount (BT-131) is always the stored amount.
 */
export interface UblLinePrice {
  /** Whole inhabitants, or 1 for a lump sum. */
  quantity: string;
  /** The tariff per inhabitant per year with its four decimals, or the lump sum itself. */
  priceAmount: string;
  /** The part of the year not billed, when there is one. */
  allowance: { amountCents: Cents; reason: string } | null;
}

/**
 * A line as "inhabitants x tariff per inhabitant per year", less the part of the year not billed
 * as a line allowance, so that a finance system reads "25.845 inwoners x EUR 0,2500" (DOMAIN.md
 * rules 1 and 4, rule 8 on the e-invoice).
 *
 * Only when the stored amount is exactly what the line's own figures give (`lineAmountCents`:
 * inhabitants x tariff x days / days in the year, half up to the cent): the e-invoice then claims
 * nothing the line does not prove. The allowance is the full year rounded to the cent less the
 * amount, so it has two decimals (BR-DEC-24) and is never negative; the price keeps the tariff's
 * four decimals, which EN 16931 allows for a price (UBL-DT-01 exempts PriceAmount). quantity x
 * price - allowance then differs from the amount by the full year's rounding only, at most half
 * a cent, within the 0.02 that Peppol BIS 3.0 rule PEPPOL-EN16931-R120 allows.
 *
 * *(decision)* Every other line is quantity 1 at its exact amount, as every line was before, with
 * its calculation in the item description: a line without inhabitants or tariff (a hand-made
 * correction, a rounding line), an amount above inhabitants x tariff, a credit line for part of a
 * line (how many days it credits is not stored), a supplementary invoice's difference, and lines
 * issued under other figures. Neither form changes the line net amount, so the totals (BR-CO-10)
 * stay the sums of the stored amounts.
 */
export function ublLinePrice(line: LineFigures): UblLinePrice {
  const lumpSum = { quantity: '1', priceAmount: centsToDecimal(line.amountCents), allowance: null };
  const { inhabitants, perInhabitant, days, daysInYear, amountCents } = line;
  const figuresHold =
    Number.isSafeInteger(inhabitants) &&
    inhabitants > 0 &&
    Number(perInhabitant) > 0 &&
    days > 0 &&
    days <= daysInYear &&
    amountCents > 0;
  if (!figuresHold || lineAmountCents(inhabitants, perInhabitant, days, daysInYear) !== amountCents) return lumpSum;
  const notBilled = minusCents(lineAmountCents(inhabitants, perInhabitant, daysInYear, daysInYear), amountCents);
  return {
    quantity: String(inhabitants),
    priceAmount: tariffDecimal(perInhabitant),
    allowance: notBilled > 0 ? { amountCents: notBilled, reason: `Naar rato: ${days} van ${daysInYear} dagen` } : null,
  };
}
