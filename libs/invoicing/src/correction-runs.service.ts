import { Injectable } from '@nestjs/common';
import { BillingContract, ContractsReader } from '@wmo/contracts';
import { IsoDate } from '@wmo/domain';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { BillingDifferencesService } from './billing-differences.service';
import { correctionDocuments, correctionTotals } from './billing-differences.rules';
import type { CorrectionDryRunDto } from './dto/correction-runs.dto';
import type { CreateInvoiceRunDto } from './dto/invoice-runs.dto';
import { InvoiceRunRepository } from './invoice-run.repository';
import { InvoiceRunsService, StartedRun } from './invoice-runs.service';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import {
  assertIdempotencyKey,
  assertMayInvoice,
  assertRunRequest,
  billablePeriod,
  runRequestHash,
} from './invoicing.rules';

/**
 * Correction runs: after an invoice run, facts change (a participation ended, a backdated
 * enrolment, a population correction, a tariff amendment); a correction run issues credit notes
 * and supplementary invoices for the differences, as a durable job like an invoice run, with the
 * same guarantees (one request per contract at a time, an Idempotency-Key bound to its request,
 * gapless numbers, a retry that finds nothing left to do). Per-participant invoices only.
 */
@Injectable()
export class CorrectionRunsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly runs: InvoiceRunRepository,
    private readonly runDtos: InvoiceRunsService,
    private readonly contracts: ContractsReader,
    private readonly differences: BillingDifferencesService,
  ) {}

  dryRun(contractId: string, dto: CreateInvoiceRunDto): Promise<CorrectionDryRunDto> {
    return this.db.transaction(async (tx) => {
      const { contract, period, referenceDate } = await this.validate(tx, contractId, dto);
      const { items } = await this.differences.compute(tx, contract, period, referenceDate);
      const differing = items.filter((item) => item.differenceCents !== 0);
      return {
        contractId,
        period: { start: period.from, end: period.to },
        ...correctionDocuments(contract.fundingModel, differing),
        ...correctionTotals(differing),
        items: differing,
      };
    });
  }

  start(contractId: string, dto: CreateInvoiceRunDto, idempotencyKey: string | undefined): Promise<StartedRun> {
    return this.db.transaction(async (tx) => {
      const { contract, period, referenceDate } = await this.validate(tx, contractId, dto);
      assertIdempotencyKey(idempotencyKey);
      const requestHash = runRequestHash(contractId, period, 'CORRECTION');
      await this.runs.lockContract(tx, contract.id);
      const replay = await this.runDtos.replay(tx, idempotencyKey, requestHash);
      if (replay) return replay;
      const organisationId = tx.principal.organisationId;
      const unfinished = await this.runs.unfinishedCorrection(tx, contract.id, period);
      if (unfinished) {
        await this.runs.settleKey(tx, organisationId, idempotencyKey, unfinished.id, false);
        return { run: await this.runDtos.toDto(tx, unfinished), created: false };
      }
      return this.runDtos.queue(tx, 'CORRECTION', { contract, period, referenceDate, idempotencyKey, requestHash });
    });
  }

  /**
   * The request, the caller's right, the contract, and a completed invoice run of exactly this
   * period to correct; the reference date is that run's.
   */
  private async validate(
    tx: TenantTransaction,
    contractId: string,
    dto: CreateInvoiceRunDto,
  ): Promise<{ contract: BillingContract; period: { from: IsoDate; to: IsoDate }; referenceDate: IsoDate }> {
    assertRunRequest(dto);
    const contract = await this.contracts.billingContract(tx, contractId);
    assertMayInvoice(tx.principal, contract);
    const period = billablePeriod(contract, dto);
    if (contract.fundingModel === 'FUND_WITHHOLDING')
      throw new InvoicingError(
        InvoicingErrorCode.ContractNotBillable,
        `${contract.reference} withholds from the municipal fund (FUND_WITHHOLDING): its allocation statements were settled through the fund and are not corrected by credit notes or invoices. GET /api/v1/contracts/${contract.id}/billing-differences shows the differences for the VNG and the provider to settle.`,
      );
    const invoiceRuns = await this.runs.invoiceRuns(tx, contract.id);
    const run = invoiceRuns.find(
      (r) => r.periodStart === period.from && r.periodEnd === period.to && r.status === 'COMPLETED',
    );
    if (!run)
      throw new InvoicingError(
        InvoicingErrorCode.PeriodNotInvoiced,
        `There is no completed invoice run of ${contract.reference} for ${period.from} to ${period.to}: a correction run corrects an issued period. ` +
          (invoiceRuns.length
            ? `Issued periods: ${invoiceRuns.map((r) => `${r.periodStart} to ${r.periodEnd} (${r.status})`).join(', ')}.`
            : 'The contract has no invoice run yet.'),
        { issuedPeriods: invoiceRuns.map((r) => ({ start: r.periodStart, end: r.periodEnd, status: r.status })) },
      );
    return { contract, period, referenceDate: run.referenceDate };
  }
}
