import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestValidationError } from '@wmo/common';
import { ContractEntity, ContractsService } from '@wmo/contracts';
import { billingPeriod, periodsOverlap, referenceDateFor } from '@wmo/domain';
import { JobQueue } from '@wmo/jobs';
import { hasRole, isOperator, Principal, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { CreateInvoiceRunDto, DryRunDto, InvoiceRunDto, MAX_LISTED_GAPS } from './dto/invoicing.dto';
import { InvoiceCalculator, loadCalculationContext } from './invoice-calculator';
import { fundingDocumentType } from './invoice-run.processor';
import { InvoiceRunEntity } from './invoicing.entities';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import { INVOICE_RUN_QUEUE, InvoiceRunJob } from './invoice-run-queue';

/** The billing details an issued document lacked, read from its customer snapshot (the address as ublGaps judges it: street, postal code and city). */
const RUN_GAPS = `
  SELECT coalesce(d.municipality_code, 'central') AS code, g.missing, count(*) OVER ()::int AS total
    FROM invoice_document d,
         LATERAL (SELECT array_remove(ARRAY[
           CASE WHEN d.customer_snapshot->>'oin' IS NULL THEN 'oin' END,
           CASE WHEN d.customer_snapshot->>'street' IS NULL OR d.customer_snapshot->>'postalCode' IS NULL OR d.customer_snapshot->>'city' IS NULL THEN 'invoiceAddress' END,
           CASE WHEN d.customer_snapshot->>'email' IS NULL THEN 'invoiceEmail' END,
           CASE WHEN d.purchase_order_number IS NULL THEN 'purchaseOrderNumber' END], NULL)::text[] AS missing) g
   WHERE d.run_id = $1 AND d.type <> 'ALLOCATION_STATEMENT' AND cardinality(g.missing) > 0
   ORDER BY d.municipality_code NULLS FIRST
   LIMIT ${MAX_LISTED_GAPS}`;

/** A run as the API shows it; its gaps are computed from its documents on every read, so they are never stale. */
export async function toRunDto(manager: EntityManager, run: InvoiceRunEntity): Promise<InvoiceRunDto> {
  const gaps = await manager.query<Array<{ code: string; missing: string[]; total: number }>>(RUN_GAPS, [run.id]);
  return {
    id: run.id,
    contractId: run.contractId,
    status: run.status,
    period: { start: run.periodStart, end: run.periodEnd },
    referenceDate: run.referenceDate,
    progress: { done: run.progressDone, total: run.progressTotal },
    documentCount: run.documentCount,
    totalCents: Number(run.totalCents),
    currency: 'EUR',
    gaps: gaps.map(({ code, missing }) => ({ code, missing })),
    gapCount: gaps[0]?.total ?? 0,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** Who may invoice a contract: its contracting party's CONTRACT_MANAGER, the supplier's PROVIDER_ADMIN or FINANCE, an OPERATOR. */
export function canInvoice(
  principal: Principal,
  contract: Pick<ContractEntity, 'contractingOrganisationId' | 'supplierId'>,
): boolean {
  if (isOperator(principal)) return true;
  if (principal.organisationId === contract.contractingOrganisationId && hasRole(principal, 'CONTRACT_MANAGER'))
    return true;
  return (
    principal.organisationId === contract.supplierId &&
    (hasRole(principal, 'PROVIDER_ADMIN') || hasRole(principal, 'FINANCE'))
  );
}

export interface StartedRun {
  run: InvoiceRunDto;
  /** 202 for a new run (or a replay of the request that made it), 200 for an existing run of that contract and period. */
  created: boolean;
}

@Injectable()
export class InvoiceRunsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly contracts: ContractsService,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * Starts a run, exactly once per contract and period (DOMAIN.md rule 7): the same key and body
   * replays the run, the same key with another body is refused, and any other request for that
   * contract and period gets the existing run. The job is enqueued in the run's own transaction.
   */
  start(contractId: string, dto: CreateInvoiceRunDto, idempotencyKey: string | undefined): Promise<StartedRun> {
    return this.db.transaction(async (tx) => {
      const { contract, period, referenceDate } = await this.validate(tx, contractId, dto);
      if (!idempotencyKey)
        throw new InvoicingError(
          InvoicingErrorCode.IdempotencyKeyMissing,
          'Send an Idempotency-Key header (any unique string up to 200 characters) with every invoice run.',
        );
      if (idempotencyKey.length > 200)
        throw new RequestValidationError([
          { field: 'Idempotency-Key', message: 'Idempotency-Key must be at most 200 characters' },
        ]);
      const requestHash = createHash('sha256')
        .update(JSON.stringify({ contractId, from: period.from, to: period.to }))
        .digest('hex');
      // One request per contract at a time: replays, the run for this period and overlapping runs are then seen as they are.
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 12))`, [contract.id]);
      const replay = await tx.manager.findOneBy(InvoiceRunEntity, {
        requestedByOrganisationId: tx.principal.organisationId,
        idempotencyKey,
      });
      if (replay) {
        if (replay.requestHash !== requestHash) {
          throw new InvoicingError(
            InvoicingErrorCode.IdempotencyKeyReused,
            `The Idempotency-Key ${idempotencyKey} was used for another request (run ${replay.id}); use a new key for a new request.`,
            { runId: replay.id },
          );
        }
        return { run: await toRunDto(tx.manager, replay), created: true };
      }
      const [overlapping] = await tx.manager.query<Array<{ id: string; period_start: string; period_end: string }>>(
        `SELECT id, period_start, period_end FROM invoice_run WHERE contract_id = $1 AND period_start <= $3 AND period_end >= $2 ORDER BY (period_start = $2 AND period_end = $3) DESC, period_start LIMIT 1`,
        [contract.id, period.from, period.to],
      );
      if (overlapping && overlapping.period_start === period.from && overlapping.period_end === period.to) {
        return {
          run: await toRunDto(tx.manager, await tx.manager.findOneByOrFail(InvoiceRunEntity, { id: overlapping.id })),
          created: false,
        };
      }
      if (overlapping) {
        throw new InvoicingError(
          InvoicingErrorCode.PeriodOverlaps,
          `Run ${overlapping.id} already invoices ${contract.reference} for ${overlapping.period_start} to ${overlapping.period_end}; those days cannot be invoiced twice. Correct issued invoices with credit notes.`,
          { runId: overlapping.id },
        );
      }
      const [inserted] = await tx.manager.query<Array<{ id: string }>>(
        `INSERT INTO invoice_run (contract_id, contracting_organisation_id, supplier_id, period_start, period_end, reference_date, status,
                                  idempotency_key, request_hash, requested_by_organisation_id, requested_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, 'QUEUED', $7, $8, $9, $10) RETURNING id`,
        [
          contract.id,
          contract.contractingOrganisationId,
          contract.supplierId,
          period.from,
          period.to,
          referenceDate,
          idempotencyKey,
          requestHash,
          tx.principal.organisationId,
          tx.principal.userId,
        ],
      );
      await this.jobs.send<InvoiceRunJob>(
        tx.manager,
        INVOICE_RUN_QUEUE,
        { runId: inserted.id },
        { singletonKey: inserted.id },
      );
      await tx.audit({
        action: 'invoice-run.started',
        entityType: 'invoice-run',
        entityId: inserted.id,
        organisationId: contract.contractingOrganisationId,
        after: { contractId, period },
      });
      return {
        run: await toRunDto(tx.manager, await tx.manager.findOneByOrFail(InvoiceRunEntity, { id: inserted.id })),
        created: true,
      };
    });
  }

  /** The lines a run would issue, computed the same way, without issuing anything. */
  dryRun(contractId: string, dto: CreateInvoiceRunDto): Promise<DryRunDto> {
    return this.db.transaction(async (tx) => {
      const { contract, period, referenceDate } = await this.validate(tx, contractId, dto);
      const calculator = new InvoiceCalculator(
        tx.manager,
        await loadCalculationContext(tx.manager, contract, period, referenceDate),
      );
      const lines: DryRunDto['lines'] = [];
      let participants = 0;
      for await (const batch of calculator.batches(500)) {
        for (const participant of batch) {
          participants++;
          for (const line of participant.lines) {
            lines.push({
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
            });
          }
        }
      }
      return {
        contractId,
        period: { start: period.from, end: period.to },
        referenceDate,
        documentType: fundingDocumentType(contract.fundingModel),
        documents: contract.fundingModel === 'CENTRAL_INVOICE' ? (participants ? 1 : 0) : participants,
        lines,
        subtotalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
      };
    });
  }

  get(id: string): Promise<InvoiceRunDto> {
    return this.db.transaction(async (tx) => {
      const run = await tx.manager.findOneBy(InvoiceRunEntity, { id });
      if (!run)
        throw new InvoicingError(InvoicingErrorCode.RunNotFound, `There is no invoice run ${id} that you can see.`);
      return toRunDto(tx.manager, run);
    });
  }

  private async validate(tx: TenantTransaction, contractId: string, dto: CreateInvoiceRunDto) {
    const hasYear = dto.year !== undefined;
    const hasPeriod = dto.periodStart !== undefined || dto.periodEnd !== undefined;
    if (hasYear === hasPeriod) {
      throw new RequestValidationError([
        { field: hasYear ? 'periodStart' : 'year', message: 'give either year, or periodStart and periodEnd' },
      ]);
    }
    if (hasPeriod && (!dto.periodStart || !dto.periodEnd))
      throw new RequestValidationError([
        { field: dto.periodStart ? 'periodEnd' : 'periodStart', message: 'periodStart and periodEnd go together' },
      ]);
    if (hasPeriod && dto.periodEnd! < dto.periodStart!)
      throw new RequestValidationError([{ field: 'periodEnd', message: 'periodEnd must not be before periodStart' }]);
    const contract = await this.contracts.find(tx, contractId);
    if (!canInvoice(tx.principal, contract)) {
      throw new InvoicingError(
        InvoicingErrorCode.NotAllowed,
        `Invoice runs for ${contract.reference} are started by its contracting party's CONTRACT_MANAGER or the supplier's PROVIDER_ADMIN or FINANCE.`,
      );
    }
    if (contract.status === 'DRAFT')
      throw new InvoicingError(
        InvoicingErrorCode.ContractNotBillable,
        `Contract ${contract.reference} is a draft; activate it before invoicing.`,
      );
    const period = billingPeriod(dto);
    if (!periodsOverlap(period, { from: contract.startDate, to: contract.endDate })) {
      throw new InvoicingError(
        InvoicingErrorCode.ContractNotBillable,
        `The period ${period.from} to ${period.to} lies outside the contract term ${contract.startDate} to ${contract.endDate ?? 'open-ended'}.`,
      );
    }
    const referenceDate = referenceDateFor(contract.referenceDateRule, period.from);
    const [figures] = await tx.manager.query<Array<{ any: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM population_figure WHERE reference_date = $1) AS any`,
      [referenceDate],
    );
    if (!figures.any) {
      throw new InvoicingError(
        InvoicingErrorCode.PopulationMissing,
        `The contract bills on the CBS population of ${referenceDate}, which is not loaded yet. Import it first (npm run cli -- import-population <file>).`,
        { referenceDate },
      );
    }
    return { contract, period, referenceDate };
  }
}
