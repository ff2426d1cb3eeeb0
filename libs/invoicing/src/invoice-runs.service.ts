import { Injectable } from '@nestjs/common';
import { BillingContract, ContractsReader } from '@wmo/contracts';
import { Cents, IsoDate, referenceDateFor, sumCents, yearOf } from '@wmo/domain';
import { JobQueue } from '@wmo/jobs';
import { ReferenceDataReader } from '@wmo/reference-data';
import { ScopedDatabase, TenantTransaction, Transaction } from '@wmo/tenancy';
import {
  CreateInvoiceRunDto,
  DryRunDto,
  DryRunLineDto,
  InvoiceRunDto,
  InvoiceRunPageDto,
  ListInvoiceRunsQuery,
  MAX_LISTED_GAPS,
  MAX_LISTED_HELD,
} from './dto/invoice-runs.dto';
import { InvoiceCalculator } from './invoice-calculator';
import type { InvoiceRunEntity } from './run.entities';
import { InvoiceRunRepository } from './invoice-run.repository';
import type { RunKind } from './invoicing.constants';
import { RunReadinessService } from './run-readiness.service';
import { toDryRunLine, toRunDto, toRunListItem } from './invoice-runs.mapper';
import { INVOICE_RUN_QUEUE, InvoiceRunJob } from './invoice-run-queue';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import {
  assertIdempotencyKey,
  assertMayInvoice,
  assertRunRequest,
  billablePeriod,
  fundingDocumentType,
  runRequestHash,
} from './invoicing.rules';

export interface StartedRun {
  run: InvoiceRunDto;
  /** 202 for a new run (or a replay of the request that made it), 200 for an existing run of that contract and period. */
  created: boolean;
}

@Injectable()
export class InvoiceRunsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly runs: InvoiceRunRepository,
    private readonly contracts: ContractsReader,
    private readonly referenceData: ReferenceDataReader,
    private readonly calculator: InvoiceCalculator,
    private readonly jobs: JobQueue,
    private readonly readiness: RunReadinessService,
  ) {}

  /**
   * Starts a run, exactly once per contract and period (DOMAIN.md rule 7): the same key and body
   * replays the run, the same key with another body is refused, and any other request for that
   * contract and period gets the existing run. The job is enqueued in the run's own transaction.
   */
  start(contractId: string, dto: CreateInvoiceRunDto, idempotencyKey: string | undefined): Promise<StartedRun> {
    return this.db.transaction(async (tx) => {
      const { contract, period, referenceDate } = await this.validate(tx, contractId, dto);
      assertIdempotencyKey(idempotencyKey);
      const requestHash = runRequestHash(contractId, period);
      // One request per contract at a time: replays, the run for this period and overlapping runs are then seen as they are.
      await this.runs.lockContract(tx, contract.id);
      const replay = await this.replay(tx, idempotencyKey, requestHash);
      if (replay) return replay;
      const organisationId = tx.principal.organisationId;
      const overlapping = await this.runs.overlapping(tx, contract.id, period);
      if (overlapping && overlapping.periodStart === period.from && overlapping.periodEnd === period.to) {
        await this.runs.settleKey(tx, organisationId, idempotencyKey, overlapping.id, false);
        return { run: await this.toDto(tx, (await this.runs.byId(tx, overlapping.id))!), created: false };
      }
      if (overlapping)
        throw new InvoicingError(
          InvoicingErrorCode.PeriodOverlaps,
          `Run ${overlapping.id} already invoices ${contract.reference} for ${overlapping.periodStart} to ${overlapping.periodEnd}; those days cannot be invoiced twice. Correct issued invoices with credit notes.`,
          { runId: overlapping.id },
        );
      return this.queue(tx, 'INVOICE', { contract, period, referenceDate, idempotencyKey, requestHash });
    });
  }

  /**
   * A new run (or correction run), QUEUED: inserted, its key bound to it, its job enqueued and
   * the start audited, all in the caller's transaction. Answered with 202.
   */
  async queue(
    tx: TenantTransaction,
    kind: RunKind,
    request: {
      contract: BillingContract;
      period: { from: IsoDate; to: IsoDate };
      referenceDate: IsoDate;
      idempotencyKey: string;
      requestHash: string;
    },
  ): Promise<StartedRun> {
    const { contract, period, referenceDate, idempotencyKey, requestHash } = request;
    const runId = await this.runs.insert(tx, {
      kind,
      contractId: contract.id,
      contractingOrganisationId: contract.contractingOrganisationId,
      supplierId: contract.supplierId,
      period,
      referenceDate,
      idempotencyKey,
      requestHash,
      requestedByOrganisationId: tx.principal.organisationId,
      requestedByUserId: tx.principal.userId,
    });
    await this.runs.settleKey(tx, tx.principal.organisationId, idempotencyKey, runId, true);
    await this.jobs.send<InvoiceRunJob>(tx, INVOICE_RUN_QUEUE, { runId }, { singletonKey: runId });
    await tx.audit({
      action: kind === 'CORRECTION' ? 'correction-run.started' : 'invoice-run.started',
      entityType: 'invoice-run',
      entityId: runId,
      organisationId: contract.contractingOrganisationId,
      after: { contractId: contract.id, period },
    });
    return { run: await this.toDto(tx, (await this.runs.byId(tx, runId))!), created: true };
  }

  /**
   * Binds the Idempotency-Key to this request, or answers as the request it is bound to was
   * answered: the same request gets its run again (202 if it made it, 200 if it was answered with
   * the existing run), another request is refused (422), whatever the first one's outcome.
   */
  async replay(tx: TenantTransaction, idempotencyKey: string, requestHash: string): Promise<StartedRun | null> {
    const bound = await this.runs.bindKey(tx, tx.principal.organisationId, idempotencyKey, requestHash);
    if (!bound) return null;
    if (bound.requestHash !== requestHash || bound.runId === null)
      throw new InvoicingError(
        InvoicingErrorCode.IdempotencyKeyReused,
        `The Idempotency-Key ${idempotencyKey} was used for another request (run ${bound.runId}); use a new key for a new request.`,
        { runId: bound.runId },
      );
    return { run: await this.toDto(tx, (await this.runs.byId(tx, bound.runId))!), created: bound.createdRun };
  }

  /** The lines a run would issue, computed the same way, without issuing anything. */
  dryRun(contractId: string, dto: CreateInvoiceRunDto): Promise<DryRunDto> {
    return this.db.transaction(async (tx) => {
      const { contract, period, referenceDate } = await this.validate(tx, contractId, dto);
      const context = await this.calculator.context(tx, contract, period, referenceDate);
      const lines: DryRunLineDto[] = [];
      const subtotals: Cents[] = [];
      for await (const batch of this.calculator.batches(tx, context, 500))
        for (const participant of batch) {
          subtotals.push(participant.subtotalCents);
          for (const line of participant.lines) lines.push(toDryRunLine(participant, line));
        }
      const readiness = await this.readiness.ofPeriod(tx, contract, period);
      const withoutAddress = new Set(
        readiness.items.filter((item) => item.missing.includes('invoiceAddress')).map((item) => item.municipalityCode),
      );
      const charged = [...new Set(lines.map((line) => line.municipalityCode))];
      const held =
        contract.fundingModel === 'CENTRAL_INVOICE'
          ? charged.length && withoutAddress.has(null)
            ? 1
            : 0
          : charged.filter((code) => withoutAddress.has(code)).length;
      const documents = contract.fundingModel === 'CENTRAL_INVOICE' ? (charged.length ? 1 : 0) : charged.length;
      return {
        contractId,
        period: { start: period.from, end: period.to },
        referenceDate,
        documentType: fundingDocumentType(contract.fundingModel),
        documents: documents - held,
        heldCount: held,
        readiness,
        lines,
        subtotalCents: sumCents(subtotals),
      };
    });
  }

  /**
   * A FAILED run starts again, as a new job: it resumes after its last issued participant (what
   * was issued stays, numbers continue without a gap). Whoever may start the run may resume it.
   */
  resume(id: string): Promise<InvoiceRunDto> {
    return this.db.transaction(async (tx) => {
      const run = await this.runs.lockRun(tx, id);
      if (!run)
        throw new InvoicingError(InvoicingErrorCode.RunNotFound, `There is no invoice run ${id} that you can see.`);
      assertMayInvoice(tx.principal, await this.contracts.billingContract(tx, run.contractId));
      if (!(await this.runs.requeue(tx, id)))
        throw new InvoicingError(
          InvoicingErrorCode.RunNotFailed,
          `Run ${id} is ${run.status}; only a FAILED run is resumed.`,
          { runStatus: run.status },
        );
      await this.jobs.send<InvoiceRunJob>(tx, INVOICE_RUN_QUEUE, { runId: id }, { singletonKey: id });
      await tx.audit({
        action: 'invoice-run.resumed',
        entityType: 'invoice-run',
        entityId: id,
        organisationId: run.contractingOrganisationId,
        before: { status: run.status, error: run.error },
      });
      return this.toDto(tx, (await this.runs.byId(tx, id))!);
    });
  }

  /** The runs you can see, a page at a time (the same visibility as one run). */
  list(query: ListInvoiceRunsQuery): Promise<InvoiceRunPageDto> {
    return this.db.transaction(async (tx) => {
      const { rows, total } = await this.runs.list(
        tx,
        {
          contract: query.contract,
          supplier: query.provider,
          status: query.status,
          kind: query.kind,
          year: query.year,
        },
        query,
      );
      return { items: rows.map(toRunListItem), total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<InvoiceRunDto> {
    return this.db.transaction(async (tx) => {
      const run = await this.runs.byId(tx, id);
      if (!run)
        throw new InvoicingError(InvoicingErrorCode.RunNotFound, `There is no invoice run ${id} that you can see.`);
      return this.toDto(tx, run);
    });
  }

  /**
   * A completed run's count and total are written when it completes (and after a release); until
   * then they are read from the documents issued so far, so a running, failed or resumed run shows
   * what it has issued.
   */
  async toDto(tx: Transaction, run: InvoiceRunEntity): Promise<InvoiceRunDto> {
    const totals = run.status === 'COMPLETED' ? null : await this.runs.documentTotals(tx, run.id);
    return toRunDto(
      totals ? { ...run, documentCount: totals.documents, totalCents: totals.totalCents } : run,
      await this.runs.gaps(tx, run.id, MAX_LISTED_GAPS),
      await this.runs.held(tx, run.id, MAX_LISTED_HELD),
    );
  }

  /** The request, the caller's right to it and the contract's state, in this order; then the CBS figures it needs. */
  private async validate(tx: TenantTransaction, contractId: string, dto: CreateInvoiceRunDto) {
    assertRunRequest(dto);
    const contract = await this.contracts.billingContract(tx, contractId);
    assertMayInvoice(tx.principal, contract);
    const period = billablePeriod(contract, dto);
    const referenceDate: IsoDate = referenceDateFor(contract.referenceDateRule, period.from);
    if (!(await this.referenceData.hasPopulationFigures(tx, referenceDate)))
      throw new InvoicingError(
        InvoicingErrorCode.PopulationMissing,
        `The contract bills on the CBS population of ${referenceDate}, which is not loaded yet. The platform operator loads it: POST /api/v1/reference-data/population-imports with the CBS file for 1 January ${yearOf(referenceDate)} (or npm run cli -- import-population <file>).`,
        { referenceDate },
      );
    return { contract, period, referenceDate };
  }
}
