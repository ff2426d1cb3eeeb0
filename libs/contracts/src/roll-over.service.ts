import { Injectable } from '@nestjs/common';
import {
  addDays,
  contains,
  firstOfJanuary,
  maxDate,
  planRollOver,
  RollOverPlan,
  TerritorialChange,
  yearOf,
} from '@wmo/domain';
import { BillingImpactAssessor, ReferenceDataReader } from '@wmo/reference-data';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ContractExceptionRepository } from './contract-exception.repository';
import { ContractLoader } from './contract-loader';
import type { ContractEntity } from './contract.entities';
import { ContractRepository } from './contract.repository';
import { assertRollOverApplies, minEnd } from './contracts.rules';
import { CoverageGuard } from './coverage-guard';
import { RollOverResultDto } from './dto/participants.dto';
import { ParticipantsService } from './participants.service';
import { ParticipationRepository } from './participation.repository';

/** After municipalities merge, the receiving municipality continues its predecessors' participation. */
@Injectable()
export class RollOverService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly participations: ParticipationRepository,
    private readonly exceptions: ContractExceptionRepository,
    private readonly loader: ContractLoader,
    private readonly participants: ParticipantsService,
    private readonly coverage: CoverageGuard,
    private readonly referenceData: ReferenceDataReader,
    private readonly contracts: ContractRepository,
    private readonly billing: BillingImpactAssessor,
  ) {}

  /**
   * After the reorganisations of `year`, the receiving municipalities continue their predecessors'
   * participation (DOMAIN.md: mergers on 1 January). Unambiguous cases are enrolled; the rest is
   * reported. One audited step, run by the contracting party.
   */
  rollOver(contractId: string, year: number): Promise<RollOverResultDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.loader.findManaged(tx, contractId);
      assertRollOverApplies(contract);
      const changes = (await this.referenceData.territorialChanges(tx)).filter(
        (change) => yearOf(change.effectiveDate) === year,
      );
      const codes = [...new Set(changes.flatMap((c) => [c.oldCode, c.newCode]))];
      await this.coverage.lock(tx, contract.dutyCode, codes);
      const plan = await this.plan(tx, contract, changes, year);
      const continuing = [...new Set(plan.continue.map((c) => c.code))];
      const municipalities = continuing.length ? await this.referenceData.municipalities(tx, continuing) : [];
      await this.participants.enrol(
        tx,
        contract,
        plan.continue.map((decision) => ({
          code: decision.code,
          from: maxDate(decision.from, contract.startDate),
          to: minEnd(contract.endDate, municipalities.find((m) => m.code === decision.code)?.validTo ?? null),
        })),
        'ROLL_OVER',
        false,
      );
      const result = {
        year,
        continued: plan.continue,
        alreadyParticipating: plan.alreadyParticipating,
        conflicts: plan.conflicts,
      };
      await tx.audit({
        action: 'contract.rolled-over',
        entityType: 'contract',
        entityId: contractId,
        organisationId: contract.contractingOrganisationId,
        after: result,
      });
      const billingImpact = continuing.length
        ? await this.billing.ofContractChange(tx, {
            contractId,
            from: [...plan.continue.map((c) => c.from)].sort()[0],
            codes: continuing,
            cause: `herindeling ${year}: deelname overgenomen door ${continuing.length === 1 ? '1 gemeente' : `${continuing.length} gemeenten`}`,
          })
        : null;
      return { ...result, billingImpact };
    });
  }

  /**
   * What a reorganisation not loaded yet would offer each active contract in which one of its old
   * municipalities takes part the day before: the roll-over each would get, computed as rollOver
   * computes it. For the operator checking a reorganisation file (who sees every contract).
   */
  async preview(
    tx: TenantTransaction,
    changes: readonly TerritorialChange[],
  ): Promise<Array<{ contract: ContractEntity; plan: RollOverPlan }>> {
    if (changes.length === 0) return [];
    const date = changes[0].effectiveDate;
    const ids = await this.participations.activeContractsWithParticipantsOn(
      tx,
      [...new Set(changes.map((c) => c.oldCode))],
      addDays(date, -1),
    );
    const contracts = await this.contracts.findByIds(tx, ids);
    const previews = [];
    for (const contract of contracts.sort((a, b) => a.reference.localeCompare(b.reference)))
      previews.push({ contract, plan: await this.plan(tx, contract, changes, yearOf(date)) });
    return previews;
  }

  /** The roll-over of a contract for these changes (those of `year`), from its participations, exceptions and other contracts. */
  private async plan(
    tx: TenantTransaction,
    contract: ContractEntity,
    changes: readonly TerritorialChange[],
    year: number,
  ): Promise<RollOverPlan> {
    const contractId = contract.id;
    const codes = [...new Set(changes.flatMap((c) => [c.oldCode, c.newCode]))];
    const participations = await this.participations.forContract(tx, contractId);
    const exceptions = await this.exceptions.forContract(tx, contractId);
    const other = await this.coverage.unscopedConflicts(
      tx,
      contract.dutyCode,
      codes.map((code) => ({ code, from: firstOfJanuary(year - 1), to: `${year}-12-31` })),
      contract.id,
    );
    return planRollOver({
      changes,
      participations: participations.map((p) => ({ code: p.municipalityCode, from: p.fromDate, to: p.toDate })),
      otherCoverage: other.map((c) => ({
        code: c.code,
        contractId: c.contractId,
        contractReference: c.contractReference,
        from: c.from,
        to: c.to,
      })),
      excepted: new Set(
        exceptions
          .filter((e) =>
            changes.some(
              (c) => c.newCode === e.municipalityCode && contains({ from: e.fromDate, to: e.toDate }, c.effectiveDate),
            ),
          )
          .map((e) => e.municipalityCode),
      ),
      contractEnd: contract.endDate,
    });
  }
}
