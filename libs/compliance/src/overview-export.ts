import { column, Spreadsheet } from '@wmo/common';
import { FUNDING_MODEL_LABELS, FundingModel } from '@wmo/contracts';
import type { ObligationStatus } from '@wmo/domain';
import { WMO_DUTY } from './compliance.constants';
import type { OverviewRowDto } from './dto/overview.dto';
import type { OverviewRows } from './overview.service';

/** In the words of the portal's badges. */
export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, string> = {
  COMPLIANT: 'Voldaan',
  AT_RISK: 'Risico',
  NON_COMPLIANT: 'Niet voldaan',
};

const fundingLabel = (model: string) => FUNDING_MODEL_LABELS[model as FundingModel] ?? model;

/** The national overview as a spreadsheet: a row per municipality, the columns of the portal's table and then the gaps. */
export function overviewSheet(overview: OverviewRows): Spreadsheet<OverviewRowDto> {
  return {
    sheetName: `Naleving ${overview.year}`,
    columns: [
      column.text('Gemeente', (r) => r.name),
      column.text('Code', (r) => r.code),
      column.text('Provincie', (r) => r.provinceName),
      column.text('Status', (r) => OBLIGATION_STATUS_LABELS[r.status]),
      column.text('Contract', (r) => r.contracts.join(', ') || null),
      column.text('Aanbieder', (r) => r.providers.join(', ') || null),
      column.text('Financiering', (r) => r.fundingModels.map(fundingLabel).join(', ') || null),
      column.integer('Inwoners', (r) => r.inhabitants),
      column.money('Kosten (incl. btw)', (r) => r.costCents),
      column.date('Gedekt tot en met', (r) => r.coveredUntil),
      column.integer('Dagen zonder dekking', (r) => r.gapDays),
      column.integer('Minuten per week zonder kanaal', (r) => r.weeklyGapMinutes),
      column.integer('Onderbrekingen door sluitingen', (r) => r.datedGaps),
    ],
    rows: overview.rows,
  };
}

/** `naleving-2025`, with the duty's code for another duty than the listening ear. */
export function overviewFileName(overview: OverviewRows): string {
  return overview.duty.code === WMO_DUTY
    ? `naleving-${overview.year}`
    : `naleving-${overview.year}-${overview.duty.code}`;
}
