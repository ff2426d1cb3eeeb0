import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@wmo/identity';
import { addDays, dutchDate } from '@wmo/domain';
import { BillingImpactAssessor, ReferenceDataReader } from '@wmo/reference-data';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ContractEntity } from './contract.entities';
import { ContractLoader } from './contract-loader';
import { ContractRepository } from './contract.repository';
import { ContractTerms } from './contract-terms';
import { toContractDto, partiesOf } from './contracts.mapper';
import {
  assertActivatable,
  assertExistsOnStart,
  assertNotYetActivated,
  assertParticipantsWithinTerm,
  assertTerminable,
  minEnd,
} from './contracts.rules';
import { CoverageGuard } from './coverage-guard';
import { ContractDto, TerminateContractDto, TerminatedContractDto } from './dto/contracts.dto';
import { ParticipationRepository } from './participation.repository';

/** A contract's life: DRAFT -> ACTIVE (activate) -> TERMINATED (terminate early); ENDED is read from the end date. */
@Injectable()
export class ContractLifecycleService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly contracts: ContractRepository,
    private readonly participations: ParticipationRepository,
    private readonly loader: ContractLoader,
    private readonly terms: ContractTerms,
    private readonly coverage: CoverageGuard,
    private readonly organisations: OrganisationDirectory,
    private readonly referenceData: ReferenceDataReader,
    private readonly billing: BillingImpactAssessor,
  ) {}

  /**
   * DRAFT -> ACTIVE: needs a service and a tariff from the start; an individual contract enrols
   * its municipality; no participant may then be covered by another active contract for the duty.
   */
  activate(id: string): Promise<ContractDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.loader.findManaged(tx, id);
      assertNotYetActivated(contract);
      const loaded = await this.loader.load(tx, contract);
      assertActivatable(contract, loaded.services.length, loaded.tariffs);
      if (contract.kind === 'INDIVIDUAL') await this.enrolContractingMunicipality(tx, contract);
      const participants = await this.participations.forContract(tx, id);
      assertParticipantsWithinTerm(contract, participants);
      await this.coverage.assertNoConflicts(
        tx,
        contract.dutyCode,
        participants.map((p) => ({ code: p.municipalityCode, from: p.fromDate, to: p.toDate })),
        id,
      );
      contract.status = 'ACTIVE';
      contract.activatedAt = new Date();
      await this.contracts.save(tx, contract);
      await tx.audit({
        action: 'contract.activated',
        entityType: 'contract',
        entityId: id,
        organisationId: contract.contractingOrganisationId,
        before: { status: 'DRAFT' },
        after: { status: 'ACTIVE' },
      });
      return toContractDto(await this.loader.load(tx, contract));
    });
  }

  /** Ends an active contract early: it covers up to and including the termination date. */
  terminate(id: string, dto: TerminateContractDto): Promise<TerminatedContractDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.loader.findManaged(tx, id);
      assertTerminable(contract, dto.terminationDate);
      const before = { status: contract.status, endDate: contract.endDate };
      contract.status = 'TERMINATED';
      contract.endDate = dto.terminationDate;
      contract.terminatedAt = new Date();
      contract.terminationReason = dto.reason;
      await this.contracts.save(tx, contract);
      const dropped = await this.terms.shorten(tx, id, dto.terminationDate);
      await tx.audit({
        action: 'contract.terminated',
        entityType: 'contract',
        entityId: id,
        organisationId: contract.contractingOrganisationId,
        before: { ...before, ...dropped },
        after: { status: 'TERMINATED', endDate: dto.terminationDate, reason: dto.reason },
      });
      const billingImpact = await this.billing.ofContractChange(tx, {
        contractId: id,
        from: addDays(dto.terminationDate, 1),
        codes: null,
        cause: `${contract.reference} beëindigd per ${dutchDate(dto.terminationDate)}`,
      });
      return { ...toContractDto(await this.loader.load(tx, contract)), billingImpact };
    });
  }

  /** An individual contract covers its own municipality for its whole term (as long as the municipality exists). */
  private async enrolContractingMunicipality(tx: TenantTransaction, contract: ContractEntity): Promise<void> {
    const organisation = await this.organisations.organisation(tx, contract.contractingOrganisationId);
    const municipality = organisation?.municipalityCode
      ? await this.referenceData.municipality(tx, organisation.municipalityCode)
      : null;
    if (!municipality)
      throw new Error(`Contract ${contract.reference} has no contracting municipality that exists in reference data`);
    assertExistsOnStart(municipality, contract.startDate);
    await this.participations.insertMany(
      tx,
      partiesOf(contract),
      [{ code: municipality.code, from: contract.startDate, to: minEnd(contract.endDate, municipality.validTo) }],
      'CONTRACT',
    );
  }
}
