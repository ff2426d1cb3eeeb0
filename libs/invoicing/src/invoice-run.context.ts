import { Injectable } from '@nestjs/common';
import { BillingContract, ContractsReader } from '@wmo/contracts';
import { OrganisationDirectory } from '@wmo/identity';
import { dueDate, IsoDate, todayInAmsterdam } from '@wmo/domain';
import type { PlatformTransaction } from '@wmo/tenancy';
import { CalculationContext, InvoiceCalculator } from './invoice-calculator';
import type { InvoiceRunEntity } from './run.entities';
import { InvoiceRunRepository } from './invoice-run.repository';
import { BillingDetailsRepository } from './billing-details.repository';
import type { DocumentType, PartySnapshot } from './invoicing.constants';
import {
  allocationSeriesPrefix,
  customerSnapshot,
  emptyCustomer,
  fundingDocumentType,
  supplierSnapshot,
} from './invoicing.rules';
import type { IssueTerms } from './document-issuer';

/** What a run works with from start to end: read once, when a worker takes the run up. */
export interface RunContext {
  run: InvoiceRunEntity;
  contract: BillingContract;
  /** Today, when the worker took the run up: every document of the run carries it. */
  issueDate: IsoDate;
  type: DocumentType;
  calculation: CalculationContext;
  /** Allocation statements: the contracting party issues them, in its own number series. */
  issuer: { organisationId: string; numberPrefix: string; snapshot: PartySnapshot } | null;
}

/** The terms every document of the run shares. */
export function runTerms(context: RunContext): IssueTerms {
  const { run, contract } = context;
  return {
    type: context.type,
    numberPrefix: context.issuer?.numberPrefix ?? contract.supplier.invoicePrefix,
    numberIssuerId: context.issuer?.organisationId ?? contract.supplierId,
    issuer: context.issuer?.snapshot ?? null,
    runId: run.id,
    contractId: contract.id,
    contractingOrganisationId: contract.contractingOrganisationId,
    supplierId: contract.supplierId,
    periodStart: run.periodStart,
    periodEnd: run.periodEnd,
    referenceDate: run.referenceDate,
    issueDate: context.issueDate,
    dueDate: dueDate(context.issueDate, contract.paymentTermDays),
    currency: 'EUR',
    vatCategory: contract.vatCategory,
    vatRate: contract.vatRate,
    vatExemptionReason: contract.vatExemptionReason,
    paymentTermDays: contract.paymentTermDays,
    supplier: supplierSnapshot(contract.supplier),
    contract: {
      reference: contract.reference,
      title: contract.title,
      fundingModel: contract.fundingModel,
      dutyCode: contract.dutyCode,
      legalBasis: contract.duty.legalBasis,
    },
  };
}

/** Takes a run up: reads what it works with and marks it RUNNING, with its progress (a resumed run counts what was issued before). */
@Injectable()
export class RunContextLoader {
  constructor(
    private readonly runs: InvoiceRunRepository,
    private readonly contracts: ContractsReader,
    private readonly calculator: InvoiceCalculator,
    private readonly organisations: OrganisationDirectory,
    private readonly billingDetails: BillingDetailsRepository,
  ) {}

  /** Null for a run that is gone or finished (a job delivered again after the end). */
  async load(tx: PlatformTransaction, runId: string): Promise<RunContext | null> {
    const run = await this.runs.byId(tx, runId);
    if (!run || run.status === 'COMPLETED' || run.status === 'FAILED') return null;
    const context = await this.of(tx, run);
    const total = await this.calculator.participantCount(tx, context.calculation);
    const { documents } = await this.runs.documentTotals(tx, runId);
    const [held] = await this.runs.held(tx, runId, 1);
    const done = documents + (held?.total ?? 0);
    // A central invoice is issued (or held) whole: its participants are done together, or not yet.
    const progressDone = context.contract.fundingModel === 'CENTRAL_INVOICE' ? (done ? total : 0) : done;
    await this.runs.markRunning(tx, runId, { startedAt: run.startedAt ?? new Date(), total, done: progressDone });
    return context;
  }

  /** What a run works with, today, without taking it up (a release of held customers works with it too). */
  async of(tx: PlatformTransaction, run: InvoiceRunEntity): Promise<RunContext> {
    const contract = await this.contracts.billingContractAsPlatform(tx, run.contractId);
    const calculation = await this.calculator.context(
      tx,
      contract,
      { from: run.periodStart, to: run.periodEnd },
      run.referenceDate,
    );
    const type = fundingDocumentType(contract.fundingModel);
    return {
      run,
      contract,
      issueDate: todayInAmsterdam(),
      type,
      calculation,
      issuer: type === 'ALLOCATION_STATEMENT' ? await this.issuer(tx, contract.contractingOrganisationId) : null,
    };
  }

  /** The contracting party as the issuer of allocation statements: its name and, where kept, its address. */
  private async issuer(tx: PlatformTransaction, organisationId: string): Promise<RunContext['issuer']> {
    const organisation = await this.organisations.organisation(tx, organisationId);
    if (!organisation) throw new Error(`There is no organisation ${organisationId}`);
    const details = await this.billingDetails.byOrganisation(tx, organisationId);
    return {
      organisationId,
      numberPrefix: allocationSeriesPrefix(organisation),
      snapshot: details ? customerSnapshot(organisation.name, details) : emptyCustomer(organisation.name),
    };
  }
}
