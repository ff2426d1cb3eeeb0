import { Injectable } from '@nestjs/common';
import { BillingContract, ContractsReader } from '@wmo/contracts';
import { OrganisationDirectory } from '@wmo/identity';
import { IsoDate, referenceDateFor, yearOf } from '@wmo/domain';
import { ReferenceDataReader } from '@wmo/reference-data';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { BillingDetailsRepository } from './billing-details.repository';
import { ReadinessDto } from './dto/readiness.dto';
import { assertMayInvoice, billablePeriod, fundingDocumentType } from './invoicing.rules';
import { readinessGaps } from './readiness.rules';

/** Participants read for the readiness at once: every municipality of the country fits. */
const ALL_PARTICIPANTS = 100_000;

/**
 * Before a run: which customers lack what for a lawful invoice (an address) and for an e-invoice
 * (an OIN or KvK number), for whoever may start the run. The customers' details are not theirs to
 * see otherwise: they are read as the platform, after that check, in the same transaction.
 */
@Injectable()
export class RunReadinessService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly contracts: ContractsReader,
    private readonly organisations: OrganisationDirectory,
    private readonly billing: BillingDetailsRepository,
    private readonly referenceData: ReferenceDataReader,
  ) {}

  readiness(contractId: string, year: number): Promise<ReadinessDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.contracts.billingContract(tx, contractId);
      assertMayInvoice(tx.principal, contract);
      return this.ofPeriod(tx, contract, billablePeriod(contract, { year }));
    });
  }

  /** The readiness of a period, for a caller who may invoice the contract (checked before). */
  async ofPeriod(
    tx: TenantTransaction,
    contract: BillingContract,
    period: { from: IsoDate; to: IsoDate },
  ): Promise<ReadinessDto> {
    const contractId = contract.id;
    const year = yearOf(period.from);
    const documentType = fundingDocumentType(contract.fundingModel);
    const referenceDate = referenceDateFor(contract.referenceDateRule, period.from);
    const populationLoaded = await this.referenceData.hasPopulationFigures(tx, referenceDate);
    const participants =
      contract.fundingModel === 'CENTRAL_INVOICE'
        ? []
        : await this.contracts.participantsInPeriod(tx, contractId, period, '', ALL_PARTICIPANTS);
    const customers = await tx.unscopedWithin(async (platform) =>
      contract.fundingModel === 'CENTRAL_INVOICE'
        ? [await this.organisations.organisation(platform, contract.contractingOrganisationId)].filter(
            (o) => o !== null,
          )
        : this.organisations.municipalityOrganisations(
            platform,
            participants.map((p) => p.code),
          ),
    );
    const ids = customers.map((c) => c.id);
    const details = new Map(
      (await tx.unscopedWithin((platform) => this.billing.byOrganisations(platform, ids))).map((d) => [
        d.organisationId,
        d,
      ]),
    );
    const assessed = customers
      .map((c) => ({
        municipalityCode: contract.fundingModel === 'CENTRAL_INVOICE' ? null : c.municipalityCode,
        name: c.name,
        missing: readinessGaps(documentType, details.get(c.id)),
      }))
      .sort((a, b) => ((a.municipalityCode ?? '') < (b.municipalityCode ?? '') ? -1 : 1));
    return {
      contractId,
      year,
      documentType,
      referenceDate,
      populationLoaded,
      customers: assessed.length,
      ready: assessed.filter((c) => !c.missing.includes('invoiceAddress')).length,
      eInvoiceReady: assessed.filter((c) => c.missing.length === 0).length,
      items: assessed.filter((c) => c.missing.length > 0),
    };
  }
}
