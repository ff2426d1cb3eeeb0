import type { CostDto } from './dto/compliance.dto';
import type { OverviewRowDto, StatusCountsDto } from './dto/overview.dto';
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
