export interface OverviewRow {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  status: string;
  contracts: string[];
  providers: string[];
  fundingModels: string[];
  inhabitants: number | null;
  costCents: number | null;
  coveredUntil: string | null;
  gapDays: number;
  weeklyGapMinutes: number;
  datedGaps: number;
}

export interface StatusCounts {
  COMPLIANT: number;
  AT_RISK: number;
  NON_COMPLIANT: number;
  total: number;
}

export interface Overview {
  year: number;
  duty: { code: string; name: string; legalBasis: string };
  asOf: string;
  counts: StatusCounts;
  rows: OverviewRow[];
}

export const STATUSES = ['COMPLIANT', 'AT_RISK', 'NON_COMPLIANT'] as const;

export interface ProvinceSummary {
  code: string;
  name: string;
  municipalities: number;
  COMPLIANT: number;
  AT_RISK: number;
  NON_COMPLIANT: number;
  inhabitants: number;
  costCents: number;
}

/** Municipalities, statuses, inhabitants and cost added up per province. */
export function perProvince(rows: OverviewRow[]): ProvinceSummary[] {
  const byCode = new Map<string, ProvinceSummary>();
  for (const row of rows) {
    let summary = byCode.get(row.provinceCode);
    if (!summary) {
      summary = {
        code: row.provinceCode,
        name: row.provinceName,
        municipalities: 0,
        COMPLIANT: 0,
        AT_RISK: 0,
        NON_COMPLIANT: 0,
        inhabitants: 0,
        costCents: 0,
      };
      byCode.set(row.provinceCode, summary);
    }
    summary.municipalities += 1;
    if (row.status === 'COMPLIANT' || row.status === 'AT_RISK' || row.status === 'NON_COMPLIANT')
      summary[row.status] += 1;
    summary.inhabitants += row.inhabitants ?? 0;
    summary.costCents += row.costCents ?? 0;
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
