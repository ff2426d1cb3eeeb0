import { Injectable } from '@nestjs/common';
import { BillingContract, ContractsReader } from '@wmo/contracts';
import { Cents, IsoDate, referenceDateFor, sumCents, yearOf } from '@wmo/domain';
import { ReferenceDataReader } from '@wmo/reference-data';
import { isOperator, ScopedDatabase, TenantTransaction, Transaction } from '@wmo/tenancy';
import { billingDifferences, BillingDifference } from './billing-differences.rules';
import type { BillingDifferencesDto, BillingDifferencesQuery } from './dto/billing-differences.dto';
import { ComputedParticipant, InvoiceCalculator } from './invoice-calculator';
import { InvoiceLineRepository } from './invoice-line.repository';
import { InvoiceRunRepository } from './invoice-run.repository';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import { assertRunRequest, billablePeriod, fundingDocumentType } from './invoicing.rules';

/** The differences of a period, with what a correction needs of them. */
export interface PeriodDifferences {
  contract: BillingContract;
  period: { from: IsoDate; to: IsoDate };
  referenceDate: IsoDate;
  due: ComputedParticipant[];
  items: BillingDifference[];
}

/**
 * What each municipality was billed net for a period against what is due under today's facts
 * (participation, exceptions, tariffs, CBS figures, the contract's terms), computed as a run
 * computes: for the contract's parties and the operator. A municipality sees its own documents.
 */
@Injectable()
export class BillingDifferencesService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly contracts: ContractsReader,
    private readonly calculator: InvoiceCalculator,
    private readonly lines: InvoiceLineRepository,
    private readonly runs: InvoiceRunRepository,
    private readonly referenceData: ReferenceDataReader,
  ) {}

  differences(contractId: string, query: BillingDifferencesQuery): Promise<BillingDifferencesDto> {
    return this.db.transaction(async (tx) => {
      const { contract, period, referenceDate, items } = await this.ofPeriod(tx, contractId, query);
      const differing = items.filter((item) => item.differenceCents !== 0);
      const total = (pick: (item: BillingDifference) => Cents) => sumCents(items.map(pick));
      return {
        contractId,
        contractReference: contract.reference,
        period: { start: period.from, end: period.to },
        referenceDate,
        documentType: fundingDocumentType(contract.fundingModel),
        items,
        totals: {
          billedCents: total((item) => item.billedCents),
          dueCents: total((item) => item.dueCents),
          differenceCents: total((item) => item.differenceCents),
          municipalities: differing.length,
        },
      };
    });
  }

  /** The differences of the period, in the caller's transaction (a correction run's too). */
  async ofPeriod(
    tx: TenantTransaction,
    contractId: string,
    request: BillingDifferencesQuery,
  ): Promise<PeriodDifferences> {
    assertRunRequest(request);
    const contract = await this.contracts.billingContract(tx, contractId);
    const { principal } = tx;
    if (
      !isOperator(principal) &&
      principal.organisationId !== contract.contractingOrganisationId &&
      principal.organisationId !== contract.supplierId
    )
      throw new InvoicingError(
        InvoicingErrorCode.ContractNotFound,
        `There is no contract ${contractId} whose billing you can see; a municipality sees its own invoices.`,
      );
    const period = billablePeriod(contract, request);
    return this.compute(tx, contract, period, referenceDateFor(contract.referenceDateRule, period.from));
  }

  /** The differences of a period, computed on `referenceDate`'s CBS figures, in any transaction (a correction run's, as the platform). */
  async compute(
    tx: Transaction,
    contract: BillingContract,
    period: { from: IsoDate; to: IsoDate },
    referenceDate: IsoDate,
  ): Promise<PeriodDifferences> {
    if (!(await this.referenceData.hasPopulationFigures(tx, referenceDate)))
      throw new InvoicingError(
        InvoicingErrorCode.PopulationMissing,
        `What is due is computed on the CBS population of ${referenceDate}, which is not loaded yet. The platform operator loads it: POST /api/v1/reference-data/population-imports with the CBS file for 1 January ${yearOf(referenceDate)}.`,
        { referenceDate },
      );
    const context = await this.calculator.context(tx, contract, period, referenceDate);
    const due: ComputedParticipant[] = [];
    for await (const batch of this.calculator.batches(tx, context, 500)) due.push(...batch);
    const billed = await this.lines.billedInPeriod(tx, contract.id, period);
    const held = await this.runs.heldCodesInPeriod(tx, contract.id, period);
    const codes = [...new Set(billed.map((line) => line.municipalityCode))];
    const names = new Map((await this.referenceData.municipalities(tx, codes)).map((m) => [m.code, m.name]));
    return { contract, period, referenceDate, due, items: billingDifferences(billed, due, names, held) };
  }
}
