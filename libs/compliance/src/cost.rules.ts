import {
  Cents,
  chargeCalculation,
  dutchDate,
  firstOfJanuary,
  IsoDate,
  participantCharge,
  plusCents,
  ReferenceDateRule,
  referenceDateFor,
  sumCents,
  TariffPeriod,
  tariffDecimal,
  TerritorialChange,
  vatAmountCents,
  ZERO_CENTS,
} from '@wmo/domain';
import type { CostDto } from './dto/compliance.dto';
import { yearPeriod } from './period.rules';

/** CBS figures per reference date, per municipality code. */
export type Figures = ReadonlyMap<IsoDate, ReadonlyMap<string, number>>;

/** What the cost reads of a contract. */
export interface CostContract {
  id: string;
  reference: string;
  /** Percentage as numeric text ("21.00"). */
  vatRate: string;
  referenceDateRule: ReferenceDateRule;
  tariffs: readonly TariffPeriod[];
}

export interface YearlyCostInput {
  code: string;
  /** The municipality's coverage for the duty: the days each contract covers it. */
  ranges: ReadonlyArray<{ contractId: string; from: IsoDate; to: IsoDate | null }>;
  contracts: ReadonlyMap<string, CostContract>;
  year: number;
  figures: Figures;
  changes: readonly TerritorialChange[];
}

/** The reference dates the contracts count inhabitants on for these years: the figures the cost needs. */
export function figureDates(contracts: Iterable<Pick<CostContract, 'referenceDateRule'>>, years: readonly number[]) {
  const rules = [...contracts].map((c) => c.referenceDateRule);
  return [...new Set(years.flatMap((year) => rules.map((rule) => referenceDateFor(rule, firstOfJanuary(year)))))];
}

/** The figures by reference date and code. */
export function figuresByDate(
  rows: Iterable<{ referenceDate: IsoDate; code: string; inhabitants: number }>,
): Map<IsoDate, Map<string, number>> {
  const figures = new Map<IsoDate, Map<string, number>>();
  for (const row of rows) {
    const onDate = figures.get(row.referenceDate) ?? new Map<string, number>();
    onDate.set(row.code, row.inhabitants);
    figures.set(row.referenceDate, onDate);
  }
  return figures;
}

/**
 * What the municipality pays for the duty in `year`, the way an annual invoice run computes it
 * (DOMAIN.md rules 1-4, `participantCharge`): inhabitants on the contract's reference date of the
 * territory it forms, times the tariff, pro rata by days of coverage, rounded per line; VAT per
 * contract, on the last line of that contract. Null amounts while CBS figures are missing.
 */
export function yearlyCost({ code, ranges, contracts, year, figures, changes }: YearlyCostInput): CostDto {
  const billed = yearPeriod(year);
  const lines: CostDto['lines'] = [];
  const amounts: Cents[] = [];
  const notes: string[] = [];
  const missingDates = new Set<IsoDate>();
  const subtotals = new Map<string, Cents>();
  for (const range of ranges) {
    const contract = contracts.get(range.contractId)!;
    const referenceDate = referenceDateFor(contract.referenceDateRule, billed.from);
    const charge = participantCharge({
      code,
      billed,
      participations: [{ from: range.from, to: range.to }],
      tariffs: contract.tariffs,
      referenceDate,
      figures: figures.get(referenceDate) ?? new Map(),
      changes,
    });
    if (!charge) continue;
    const { territory } = charge;
    if (charge.figuresMissing) {
      missingDates.add(referenceDate);
      notes.push(
        `De CBS-bevolkingscijfers per ${dutchDate(referenceDate)} ontbreken nog; de kosten volgen zodra ze zijn ingelezen.`,
      );
      continue;
    }
    if (territory.approximate) notes.push(...territory.notes);
    for (const segment of charge.segments) {
      lines.push({
        contractReference: contract.reference,
        from: segment.from,
        to: segment.to,
        inhabitants: territory.inhabitants,
        referenceDate,
        perInhabitant: tariffDecimal(segment.perInhabitant),
        days: segment.days,
        amountCents: segment.amountCents,
        vatCents: 0,
        calculation: chargeCalculation(territory.inhabitants, segment),
      });
      amounts.push(segment.amountCents);
    }
    subtotals.set(
      contract.id,
      plusCents(subtotals.get(contract.id) ?? ZERO_CENTS, sumCents(charge.segments.map((s) => s.amountCents))),
    );
  }
  const vats: Cents[] = [];
  for (const [contractId, subtotal] of subtotals) {
    const contract = contracts.get(contractId)!;
    const vat = vatAmountCents(subtotal, contract.vatRate);
    vats.push(vat);
    const last = lines.findLast((line) => line.contractReference === contract.reference);
    if (last) last.vatCents = vat;
  }
  const amountCents = sumCents(amounts);
  const vatCents = sumCents(vats);
  const missing = missingDates.size > 0;
  return {
    year,
    // Unknown (figures missing) and nothing to pay (no day covered) are different answers; never both.
    status: missing ? 'FIGURES_MISSING' : lines.length ? 'CALCULATED' : 'NO_COST',
    missingFigures: [...missingDates].sort().map((referenceDate) => ({ kind: 'POPULATION' as const, referenceDate })),
    amountCents: missing ? null : amountCents,
    vatCents: missing ? null : vatCents,
    totalCents: missing ? null : plusCents(amountCents, vatCents),
    currency: 'EUR',
    lines,
    note: notes.length ? [...new Set(notes)].join(' ') : null,
  };
}
