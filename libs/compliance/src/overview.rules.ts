import { parseSort, SortValue } from '@wmo/common';
import { OBLIGATION_STATUSES } from '@wmo/domain';
import type { CostDto, MissingFigureDto } from './dto/compliance.dto';
import type {
  OverviewMissingFigureDto,
  OverviewRowDto,
  OverviewSortField,
  OverviewTotalsDto,
  ProvinceTotalsDto,
  StatusCountsDto,
} from './dto/overview.dto';
import { fundingModels } from './compliance.mapper';
import type { Judgement } from './judgement.rules';

/** One municipality's line in the national overview: its verdict, who covers it, what it costs, how large the gaps are. */
export function overviewRow(judgement: Judgement, cost: CostDto): OverviewRowDto {
  const { municipality, evaluation, covering } = judgement;
  // A weekly gap pattern holds from its validFrom; the row shows the longest weekly total of any pattern.
  const weeklyByPattern = new Map<string, number>();
  for (const gap of evaluation.weeklyGaps)
    weeklyByPattern.set(gap.validFrom, (weeklyByPattern.get(gap.validFrom) ?? 0) + gap.minutes);
  return {
    code: municipality.code,
    name: municipality.name,
    provinceCode: municipality.provinceCode,
    provinceName: municipality.provinceName,
    status: evaluation.status,
    contracts: [...new Set(covering.map((c) => c.contract.reference))],
    providers: [...new Set(covering.map((c) => c.contract.supplierName))],
    fundingModels: fundingModels(judgement),
    inhabitants: cost.lines[0]?.inhabitants ?? null,
    costCents: cost.totalCents,
    coveredUntil: evaluation.coveredUntil,
    gapDays: evaluation.dayGaps.reduce((sum, gap) => sum + gap.days, 0),
    weeklyGapMinutes: Math.max(0, ...weeklyByPattern.values()),
    datedGaps: evaluation.datedGaps.length,
  };
}

/** Rows per status, and all of them (before any status filter). */
export function statusCounts(rows: readonly Pick<OverviewRowDto, 'status'>[]): StatusCountsDto {
  const counts = { COMPLIANT: 0, AT_RISK: 0, NON_COMPLIANT: 0, total: rows.length };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/** A row with the CBS figures its cost waits for (empty when known). */
export interface JudgedRow {
  row: OverviewRowDto;
  missingFigures: readonly MissingFigureDto[];
}

export interface OverviewFilters {
  status?: string;
  province?: string;
  fundingModel?: string;
  q?: string;
}

/** Lower case without accents: "Fryslân" and "fryslan" are the same search. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');

/** Whether a row matches the filters given (the ones left out do not narrow). */
export function matches(row: OverviewRowDto, filters: OverviewFilters): boolean {
  if (filters.status && row.status !== filters.status) return false;
  if (filters.province && row.provinceCode !== filters.province) return false;
  if (filters.fundingModel && !row.fundingModels.includes(filters.fundingModel)) return false;
  if (filters.q) {
    const q = folded(filters.q);
    if (!folded(row.name).includes(q) && !row.code.toLowerCase().includes(q)) return false;
  }
  return true;
}

const SORT_KEYS: Record<OverviewSortField, (row: OverviewRowDto) => string | number | null> = {
  name: (row) => row.name,
  code: (row) => row.code,
  province: (row) => row.provinceName,
  status: (row) => OBLIGATION_STATUSES.indexOf(row.status),
  inhabitants: (row) => row.inhabitants,
  costCents: (row) => row.costCents,
  gapDays: (row) => row.gapDays,
  coveredUntil: (row) => row.coveredUntil,
};
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** The rows in the asked order (the list convention): unknown figures last either way, then by code so pages never overlap. */
export function sortRows(rows: readonly OverviewRowDto[], sort: SortValue<OverviewSortField>): OverviewRowDto[] {
  const { field, descending } = parseSort(sort);
  const key = SORT_KEYS[field];
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = typeof x === 'string' ? collator.compare(x, String(y)) : x - Number(y);
      if (order !== 0) return descending ? -order : order;
    }
    return a.code.localeCompare(b.code);
  });
}

/** Statuses, inhabitants and cost added up; a sum is null as soon as one figure in it is unknown. */
export function totalsOf(rows: readonly OverviewRowDto[]): OverviewTotalsDto {
  const counts = statusCounts(rows);
  let inhabitants = 0;
  let costCents = 0;
  let unknownInhabitants = 0;
  let unknownCost = 0;
  for (const row of rows) {
    if (row.inhabitants === null) unknownInhabitants++;
    else inhabitants += row.inhabitants;
    if (row.costCents === null) unknownCost++;
    else costCents += row.costCents;
  }
  return {
    municipalities: counts.total,
    COMPLIANT: counts.COMPLIANT,
    AT_RISK: counts.AT_RISK,
    NON_COMPLIANT: counts.NON_COMPLIANT,
    inhabitants: unknownInhabitants ? null : inhabitants,
    costCents: unknownCost ? null : costCents,
    unknownInhabitants,
    unknownCost,
    complete: unknownInhabitants === 0 && unknownCost === 0,
  };
}

/** The totals per province, by province name. */
export function provinceTotals(rows: readonly OverviewRowDto[]): ProvinceTotalsDto[] {
  const byCode = new Map<string, OverviewRowDto[]>();
  for (const row of rows) byCode.set(row.provinceCode, [...(byCode.get(row.provinceCode) ?? []), row]);
  return [...byCode.values()]
    .map((inProvince) => ({
      code: inProvince[0].provinceCode,
      name: inProvince[0].provinceName,
      ...totalsOf(inProvince),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The CBS figures missing for the rows' cost, each with the number of municipalities waiting for it. */
export function missingFigures(rows: readonly JudgedRow[]): OverviewMissingFigureDto[] {
  const waiting = new Map<string, OverviewMissingFigureDto>();
  for (const { missingFigures } of rows)
    for (const figure of missingFigures) {
      const key = `${figure.kind}|${figure.referenceDate}`;
      const entry = waiting.get(key) ?? { ...figure, municipalities: 0 };
      entry.municipalities++;
      waiting.set(key, entry);
    }
  return [...waiting.values()].sort((a, b) => a.referenceDate.localeCompare(b.referenceDate));
}
