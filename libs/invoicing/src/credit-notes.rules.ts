import { RequestValidationError } from '@wmo/common';
import { Cents, cents, centsToDecimal, creditNoteVatCents, formatEuroCents, minusCents, sumCents } from '@wmo/domain';
import type { DocumentType } from './invoicing.constants';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import type { LineText } from './invoice-line.rules';

/** Only invoices are credited: a credit note or an allocation statement is refused. */
export function assertCreditable(document: { type: DocumentType; number: string }): void {
  if (document.type !== 'INVOICE')
    throw new InvoicingError(
      InvoicingErrorCode.NotCreditable,
      `${document.number} is ${document.type === 'CREDIT_NOTE' ? 'a credit note' : 'an allocation statement'}; only invoices are credited.`,
    );
}

/** An invoice line as a credit note sees it: its amount and what earlier credit notes credited of it. */
export interface CreditableLine {
  lineNumber: number;
  amountCents: Cents;
  creditedCents: Cents;
}

/** A line to credit: the invoice line, and how much of it. */
export interface CreditAllocation<L extends CreditableLine> {
  source: L;
  amountCents: Cents;
}

const leftOn = (line: CreditableLine): Cents => minusCents(line.amountCents, line.creditedCents);

/**
 * Which invoice lines a credit note credits, and how much of each. Without `requested`: what is
 * left on every line that has something left (refused when nothing is). With `requested`: each
 * named line once, for at most what is left on it after earlier credit notes. The first problem,
 * in the order the lines were named, is the answer.
 */
export function allocateCredit<L extends CreditableLine>(
  invoiceNumber: string,
  lines: readonly L[],
  requested?: ReadonlyArray<{ lineNumber: number; amountCents: number }>,
): Array<CreditAllocation<L>> {
  if (!requested) {
    const all = lines.map((source) => ({ source, amountCents: leftOn(source) })).filter((line) => line.amountCents > 0);
    if (all.length === 0)
      throw new InvoicingError(
        InvoicingErrorCode.CreditTooLarge,
        `${invoiceNumber} has been credited in full already.`,
        {
          remainingCents: 0,
        },
      );
    return all;
  }
  return requested.map((line, i) => {
    const source = lines.find((candidate) => candidate.lineNumber === line.lineNumber);
    if (!source)
      throw new RequestValidationError([
        { field: `lines.${i}.lineNumber`, message: `${invoiceNumber} has no line ${line.lineNumber}` },
      ]);
    if (requested.findIndex((other) => other.lineNumber === line.lineNumber) < i)
      throw new RequestValidationError([
        { field: `lines.${i}.lineNumber`, message: `line ${line.lineNumber} is named twice; give one amount per line` },
      ]);
    const left = leftOn(source);
    if (line.amountCents > left)
      throw new InvoicingError(
        InvoicingErrorCode.CreditTooLarge,
        `EUR ${centsToDecimal(left)} of line ${line.lineNumber} (EUR ${centsToDecimal(source.amountCents)}) is left to credit; it cannot be credited for EUR ${centsToDecimal(line.amountCents)}.`,
        { lineNumber: line.lineNumber, remainingCents: left },
      );
    return { source, amountCents: cents(line.amountCents) };
  });
}

/**
 * A correction's credit on one invoice: `amount` taken from its last lines first, never more than
 * is left on a line (after earlier credit notes); the allocation in line order, and what is left
 * of the amount for older invoices.
 */
export function allocateCorrection<L extends CreditableLine>(
  lines: readonly L[],
  amount: Cents,
): { crediting: Array<CreditAllocation<L>>; remaining: Cents } {
  let remaining = amount;
  const crediting: Array<CreditAllocation<L>> = [];
  for (const source of [...lines].reverse()) {
    if (remaining <= 0) break;
    const take = cents(Math.min(leftOn(source), remaining));
    if (take <= 0) continue;
    crediting.unshift({ source, amountCents: take });
    remaining = minusCents(remaining, take);
  }
  return { crediting, remaining };
}

/**
 * A credit line names the invoice line it credits; a full credit repeats the line's calculation,
 * a partial one says of how much instead (the calculation does not lead to the partial amount).
 */
export function creditLineText(
  invoiceNumber: string,
  source: { lineNumber: number; amountCents: Cents; text: LineText },
  amountCents: Cents,
): LineText {
  const full = amountCents === source.amountCents;
  return {
    description: `Creditering ${invoiceNumber} regel ${source.lineNumber}: ${source.text.description}`,
    calculation: full
      ? source.text.calculation
      : `gedeeltelijk: EUR ${formatEuroCents(amountCents)} van EUR ${formatEuroCents(source.amountCents)}`,
  };
}

/**
 * A credit note's subtotal (its lines) and VAT: the VAT on everything credited so far, this note
 * included, less the VAT credited before, so partial credits add up to the invoice to the cent.
 */
export function creditNoteTotals(input: {
  vatRate: string;
  crediting: ReadonlyArray<{ amountCents: Cents }>;
  creditedBefore: Iterable<Cents>;
  creditedVatBefore: Cents;
}): { subtotalCents: Cents; vatCents: Cents } {
  const subtotalCents = sumCents(input.crediting.map((line) => line.amountCents));
  return {
    subtotalCents,
    vatCents: creditNoteVatCents({
      ratePercent: input.vatRate,
      creditedBeforeCents: sumCents(input.creditedBefore),
      creditedVatBeforeCents: input.creditedVatBefore,
      creditingCents: subtotalCents,
    }),
  };
}

/** The note on a credit note: the invoice it corrects and why. */
export const creditNoteNote = (invoiceNumber: string, reason: string): string =>
  `Creditnota op ${invoiceNumber}: ${reason}`;

/** A credit note is numbered in its invoice's series: the invoice number's prefix (SEN of SEN-2026-000001). */
export const numberPrefixOf = (invoiceNumber: string): string => invoiceNumber.split('-')[0];
