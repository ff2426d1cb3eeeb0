import { Cents, dutchDate, formatEuroCents, IsoDate, minusCents, sumCents, ZERO_CENTS } from '@wmo/domain';
import type { ComputedParticipant } from './invoice-calculator';
import type { DocumentType } from './invoicing.constants';

/** An issued line of a document of the contract in the period, with its document. */
export interface BilledLine {
  documentId: string;
  number: string;
  type: DocumentType;
  municipalityCode: string;
  amountCents: Cents;
  days: number;
  daysInYear: number;
  inhabitants: number;
  perInhabitant: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  referenceDate: IsoDate;
}

/** What a municipality was billed net in a period against what is due today, and why they differ. */
export interface BillingDifference {
  municipalityCode: string;
  name: string;
  billedCents: Cents;
  dueCents: Cents;
  differenceCents: Cents;
  documents: Array<{ id: string; number: string; type: DocumentType }>;
  reasons: string[];
}

const CREDIT: DocumentType = 'CREDIT_NOTE';
const count = (n: number) => n.toLocaleString('nl-NL');
const euro = (perInhabitant: string) => `EUR ${Number(perInhabitant).toFixed(4).replace('.', ',')}`;

/**
 * Per municipality with an issued line in the period, or with something due in it that was never
 * billed (and is not held for want of an address): the net billed (invoice and allocation lines
 * less credit lines, excluding VAT) against the due under today's facts, with the documents
 * concerned and the reasons in Dutch. Sorted by code.
 */
export function billingDifferences(
  billed: readonly BilledLine[],
  due: readonly ComputedParticipant[],
  names: ReadonlyMap<string, string>,
  held: ReadonlySet<string>,
): BillingDifference[] {
  const codes = new Set([
    ...billed.map((line) => line.municipalityCode),
    ...due.filter((p) => !held.has(p.code)).map((p) => p.code),
  ]);
  return [...codes].sort().map((code) => {
    const lines = billed.filter((line) => line.municipalityCode === code);
    const charged = lines.filter((line) => line.type !== CREDIT);
    const credited = lines.filter((line) => line.type === CREDIT);
    const participant = due.find((p) => p.code === code);
    const billedCents = minusCents(
      sumCents(charged.map((line) => line.amountCents)),
      sumCents(credited.map((line) => line.amountCents)),
    );
    const dueCents = participant?.subtotalCents ?? ZERO_CENTS;
    const documents = [...new Map(lines.map((line) => [line.documentId, line])).values()].map((line) => ({
      id: line.documentId,
      number: line.number,
      type: line.type,
    }));
    return {
      municipalityCode: code,
      name: participant?.name ?? names.get(code) ?? code,
      billedCents,
      dueCents,
      differenceCents: minusCents(dueCents, billedCents),
      documents,
      reasons: dueCents === billedCents ? [] : differenceReasons(charged, credited, participant),
    };
  });
}

/** Why what is due differs from what was billed, in Dutch, naming the rule (DOMAIN.md) that makes it so. */
export function differenceReasons(
  billedLines: readonly BilledLine[],
  credited: readonly BilledLine[],
  due: ComputedParticipant | undefined,
): string[] {
  const reasons: string[] = [];
  const dueLines = due?.lines ?? [];
  let charged = billedLines;
  if (charged.length === 0)
    return [
      dueLines.length
        ? `nog niet gefactureerd: ${count(sumDays(dueLines))} van ${count(dueLines[0].daysInYear)} dagen verschuldigd (regel 1)`
        : 'niets gefactureerd en niets verschuldigd',
    ];
  if (dueLines.length === 0) return ['geen deelname meer in deze periode: niets verschuldigd (regel 1)'];
  // The facts billed last: a supplementary or replacement invoice carries those of its day, not the original's.
  const latest = [...charged].sort((a, b) => (a.number < b.number ? 1 : -1))[0].documentId;
  charged = charged.filter((line) => line.documentId === latest);
  const billedDays = sumDays(charged);
  const dueDays = sumDays(dueLines);
  const daysInYear = dueLines[0].daysInYear;
  if (billedDays !== dueDays) {
    const billedStart = min(charged.map((l) => l.periodStart));
    const billedEnd = max(charged.map((l) => l.periodEnd));
    const dueStart = min(dueLines.map((l) => l.periodStart));
    const dueEnd = max(dueLines.map((l) => l.periodEnd));
    const days = `${count(dueDays)} van ${count(daysInYear)} dagen (regel 1)`;
    if (dueEnd < billedEnd) reasons.push(`deelname beëindigd per ${dutchDate(dueEnd)}: ${days}`);
    else if (dueEnd > billedEnd) reasons.push(`deelname verlengd tot en met ${dutchDate(dueEnd)}: ${days}`);
    if (dueStart > billedStart) reasons.push(`deelname begint per ${dutchDate(dueStart)}: ${days}`);
    else if (dueStart < billedStart)
      reasons.push(`deelname vanaf ${dutchDate(dueStart)} in plaats van ${dutchDate(billedStart)}: ${days}`);
    if (dueEnd === billedEnd && dueStart === billedStart)
      reasons.push(`${count(dueDays)} in plaats van ${count(billedDays)} dagen (regel 1)`);
  }
  const billedInhabitants = charged[0].inhabitants;
  const dueInhabitants = dueLines[0].inhabitants;
  if (billedInhabitants !== dueInhabitants)
    reasons.push(
      `inwonertal ${count(billedInhabitants)} → ${count(dueInhabitants)} (CBS, peildatum ${dutchDate(charged[0].referenceDate)}; regels 2 en 3)`,
    );
  const billedTariffs = [...new Set(charged.map((l) => Number(l.perInhabitant)))].join('/');
  const dueTariffs = [...new Set(dueLines.map((l) => Number(l.perInhabitant)))].join('/');
  if (billedTariffs !== dueTariffs)
    reasons.push(
      `tarief per inwoner ${[...new Set(charged.map((l) => euro(l.perInhabitant)))].join(' en ')} → ${[
        ...new Set(dueLines.map((l) => euro(l.perInhabitant))),
      ].join(' en ')} (regel 1)`,
    );
  if (credited.length)
    reasons.push(`al gecrediteerd: EUR ${formatEuroCents(sumCents(credited.map((l) => l.amountCents)))}`);
  if (reasons.length === 0) reasons.push('bedrag opnieuw berekend met de gegevens van nu');
  return reasons;
}

/**
 * How many documents a correction run would issue: per municipality a credit note and a
 * supplementary invoice; on a central invoice one credit note per invoice concerned and one
 * supplementary invoice for all (counting every invoice concerned: the latest first, an older one
 * is credited only when the newer ones have too little left, so this is at most).
 */
export function correctionDocuments(
  fundingModel: string,
  items: readonly BillingDifference[],
): { creditNotes: number; supplementaryInvoices: number } {
  const over = items.filter((i) => i.differenceCents < 0 && i.documents.some((d) => d.type === 'INVOICE'));
  const short = items.filter((i) => i.differenceCents > 0);
  if (fundingModel !== 'CENTRAL_INVOICE') return { creditNotes: over.length, supplementaryInvoices: short.length };
  const invoices = new Set(over.flatMap((i) => i.documents.filter((d) => d.type === 'INVOICE').map((d) => d.id)));
  return { creditNotes: invoices.size, supplementaryInvoices: short.length ? 1 : 0 };
}

/** What a set of differences would credit and add, excluding VAT (a correction run's dry run). */
export const correctionTotals = (items: readonly BillingDifference[]) => ({
  creditCents: sumCents(
    items.filter((i) => i.differenceCents < 0).map((i) => minusCents(ZERO_CENTS, i.differenceCents)),
  ),
  supplementCents: sumCents(items.filter((i) => i.differenceCents > 0).map((i) => i.differenceCents)),
});

const sumDays = (lines: ReadonlyArray<{ days: number }>) => lines.reduce((total, line) => total + line.days, 0);
const min = (dates: readonly IsoDate[]) => [...dates].sort()[0];
const max = (dates: readonly IsoDate[]) => [...dates].sort()[dates.length - 1];
