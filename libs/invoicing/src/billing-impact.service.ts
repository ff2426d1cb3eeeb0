import { Injectable } from '@nestjs/common';
import { BillingContract, ContractsReader } from '@wmo/contracts';
import { firstOfJanuary, IsoDate, referenceDateFor } from '@wmo/domain';
import { EventPublisher } from '@wmo/notifications';
import { BillingImpactAssessor, BillingImpactDto, ContractFactChange, PopulationFactChange } from '@wmo/reference-data';
import type { TenantTransaction } from '@wmo/tenancy';
import { BillingDifferencesService } from './billing-differences.service';
import { billingImpact, impactEvent, impactNotices, ReachedPeriod } from './billing-impact.rules';
import { InvoiceLineRepository } from './invoice-line.repository';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';

/** A contract's issued period a change reaches, and the municipalities it concerns there (null: all). */
interface Reach {
  contract: BillingContract;
  period: { from: IsoDate; to: IsoDate };
  codes: ReadonlySet<string> | null;
}

/**
 * What a change to the facts does to documents already issued, asked by the change in its own
 * transaction after its write: the issued periods it reaches are recomputed as a correction run
 * would (BillingDifferencesService), and where money now differs the supplier's FINANCE and the
 * contracting party's managers are notified and `billing.difference` is sent, in that same
 * transaction (nothing is told about a change that rolls back).
 */
@Injectable()
export class BillingImpactService extends BillingImpactAssessor {
  constructor(
    private readonly contracts: ContractsReader,
    private readonly differences: BillingDifferencesService,
    private readonly lines: InvoiceLineRepository,
    private readonly publisher: EventPublisher,
  ) {
    super();
  }

  async ofContractChange(tx: TenantTransaction, change: ContractFactChange): Promise<BillingImpactDto | null> {
    const periods = await this.lines.issuedPeriodsFrom(tx, change.contractId, change.from);
    if (periods.length === 0) return null;
    const contract = await this.contracts.billingContract(tx, change.contractId);
    const codes = change.codes ? new Set(change.codes) : null;
    return this.assess(
      tx,
      periods.map((period) => ({ contract, period, codes })),
      change.cause,
    );
  }

  async ofPopulationChange(
    tx: TenantTransaction,
    change: PopulationFactChange,
    options = { notify: true },
  ): Promise<BillingImpactDto | null> {
    if (change.figures.length === 0) return null;
    const codes = new Set(change.figures.map((f) => f.code));
    const dates = [...new Set(change.figures.map((f) => firstOfJanuary(f.year)))];
    const reached = await this.lines.issuedOnReferenceDates(tx, dates, [...codes]);
    if (reached.length === 0) return null;
    const contracts = new Map<string, BillingContract>();
    for (const { contractId } of reached)
      if (!contracts.has(contractId)) contracts.set(contractId, await this.contracts.billingContract(tx, contractId));
    return this.assess(
      tx,
      reached.map(({ contractId, from, to }) => ({
        contract: contracts.get(contractId)!,
        period: { from, to },
        codes,
      })),
      change.cause,
      options.notify,
    );
  }

  private async assess(
    tx: TenantTransaction,
    reaches: readonly Reach[],
    cause: string,
    notify = true,
  ): Promise<BillingImpactDto> {
    const reached: ReachedPeriod[] = [];
    for (const { contract, period, codes } of reaches) {
      const referenceDate = referenceDateFor(contract.referenceDateRule, period.from);
      const items = await this.computed(tx, contract, period, referenceDate);
      reached.push({
        contract,
        period,
        items: codes ? items.filter((item) => codes.has(item.municipalityCode)) : items,
      });
    }
    const impact = billingImpact(reached);
    if (impact.items.length === 0 || !notify) return { ...impact, notified: false };
    const contracts = [...new Map(reaches.map(({ contract }) => [contract.id, contract])).values()];
    const notices = contracts.flatMap((contract) => impactNotices(contract, impact.items, cause));
    await tx.unscopedWithin(async (platform) => {
      const fresh = await this.publisher.notify(platform, notices);
      // One event per contract whose differences are new (the same state is not sent twice).
      const told = new Set(fresh.map((n) => n.subjectId));
      await this.publisher.publish(
        platform,
        contracts
          .filter((contract) => told.has(contract.id))
          .map((contract) => impactEvent(contract, impact.items, cause)),
      );
    });
    return { ...impact, notified: true };
  }

  /** The differences of a period; none where its CBS figures are not loaded (nothing was issued on them). */
  private async computed(
    tx: TenantTransaction,
    contract: BillingContract,
    period: { from: IsoDate; to: IsoDate },
    referenceDate: IsoDate,
  ) {
    try {
      return (await this.differences.compute(tx, contract, period, referenceDate)).items;
    } catch (error) {
      if (error instanceof InvoicingError && error.code === InvoicingErrorCode.PopulationMissing) return [];
      throw error;
    }
  }
}
