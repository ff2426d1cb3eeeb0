import type { DryRunLineDto, InvoiceRunDto, InvoiceRunListItemDto } from './dto/invoice-runs.dto';
import type { ComputedLine, ComputedParticipant } from './invoice-calculator';
import type { InvoiceRunEntity } from './run.entities';
import type { HeldCustomer, RunGap, RunListRow } from './invoice-run.repository';

/** A run as the API shows it, with its gaps (computed from its documents on every read, so never stale). */
export function toRunDto(
  run: InvoiceRunEntity,
  gaps: readonly RunGap[],
  held: ReadonlyArray<HeldCustomer & { total: number }>,
): InvoiceRunDto {
  return {
    id: run.id,
    contractId: run.contractId,
    kind: run.kind,
    status: run.status,
    period: { start: run.periodStart, end: run.periodEnd },
    referenceDate: run.referenceDate,
    progress: { done: run.progressDone, total: run.progressTotal },
    documentCount: run.documentCount,
    totalCents: run.totalCents,
    currency: 'EUR',
    gaps: gaps.map(({ code, missing }) => ({ code, missing })),
    gapCount: gaps[0]?.total ?? 0,
    held: held.map(({ municipalityCode, missing }) => ({ municipalityCode, missing })),
    heldCount: held[0]?.total ?? 0,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** A run as the list shows it. */
export function toRunListItem(row: RunListRow): InvoiceRunListItemDto {
  return {
    id: row.id,
    contract: { id: row.contractId, reference: row.contractReference, title: row.contractTitle },
    supplier: { id: row.supplierId, name: row.supplierName },
    kind: row.kind,
    status: row.status,
    period: { start: row.periodStart, end: row.periodEnd },
    referenceDate: row.referenceDate,
    documentCount: row.documentCount,
    totalCents: row.totalCents,
    currency: 'EUR',
    heldCount: row.heldCount,
    gapCount: row.gapCount,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** A line a dry run would issue. */
export function toDryRunLine(participant: ComputedParticipant, line: ComputedLine): DryRunLineDto {
  return {
    municipalityCode: participant.code,
    name: participant.name,
    inhabitants: line.inhabitants,
    perInhabitant: line.perInhabitant,
    from: line.periodStart,
    to: line.periodEnd,
    days: line.days,
    daysInYear: line.daysInYear,
    amountCents: line.amountCents,
    calculation: line.calculation,
    approximationNote: line.approximationNote,
  };
}
