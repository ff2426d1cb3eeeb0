import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { IsoDate, tariffDecimal } from '@wmo/domain';
import { ReferenceDataReader } from '@wmo/reference-data';
import type { TenantTransaction } from '@wmo/tenancy';
import { ContractEntity, TariffEntity } from './contract.entities';
import { ContractServiceRepository } from './contract-service.repository';
import { ContractsError, ContractsErrorCode } from './contracts.errors';
import { partiesOf } from './contracts.mapper';
import { CoverageGuard } from './coverage-guard';
import { TariffInputDto } from './dto/contracts.dto';
import { ParticipationRepository } from './participation.repository';
import { ServiceRepository } from './service.repository';
import { TariffRepository } from './tariff.repository';
import { newTariffPeriod } from './tariffs.rules';
import { DroppedByShortening, planExtension, planShortening } from './term-change.rules';

/** The parts of a contract's terms that several operations change: its services, tariffs and end date. */
@Injectable()
export class ContractTerms {
  constructor(
    private readonly services: ServiceRepository,
    private readonly contractServices: ContractServiceRepository,
    private readonly tariffs: TariffRepository,
    private readonly participations: ParticipationRepository,
    private readonly referenceData: ReferenceDataReader,
    private readonly coverage: CoverageGuard,
  ) {}

  /** The contract covers exactly these services of its supplier, each serving the contract's duty. */
  async setServices(
    tx: TenantTransaction,
    contract: ContractEntity,
    serviceIds: string[],
    dutyCode: string,
  ): Promise<void> {
    const services = await this.services.findByIds(tx, serviceIds);
    for (const id of serviceIds) {
      const service = services.find((s) => s.id === id);
      if (!service || service.providerId !== contract.supplierId) {
        throw new ContractsError(ContractsErrorCode.ServiceNotFound, `The supplier has no service ${id}.`);
      }
      if (service.dutyCode !== dutyCode) {
        throw new RequestValidationError([
          { field: 'serviceIds', message: `service ${service.name} serves ${service.dutyCode}, not ${dutyCode}` },
        ]);
      }
    }
    await this.contractServices.replace(tx, partiesOf(contract), serviceIds);
  }

  /** Adds a tariff within the term, never overlapping another (an open-ended one ends with the contract). */
  async addTariff(tx: TenantTransaction, contract: ContractEntity, dto: TariffInputDto): Promise<TariffEntity> {
    const period = newTariffPeriod(contract, dto, await this.tariffs.forContract(tx, contract.id));
    return this.tariffs.insert(tx, partiesOf(contract), {
      perInhabitant: tariffDecimal(dto.perInhabitant),
      validFrom: period.from,
      validTo: period.to,
    });
  }

  /**
   * An earlier end date: what started after it goes (answered for the audit log), what ran beyond
   * it now ends on it.
   */
  async shorten(tx: TenantTransaction, contractId: string, endDate: IsoDate): Promise<DroppedByShortening> {
    const plan = planShortening(
      endDate,
      await this.tariffs.forContract(tx, contractId),
      await this.participations.forContract(tx, contractId),
    );
    await this.tariffs.deleteByIds(tx, plan.dropTariffIds);
    await this.participations.deleteByIds(tx, plan.dropParticipationIds);
    await this.participations.setEnds(
      tx,
      plan.endParticipationIds.map((id) => ({ id, to: endDate })),
    );
    await this.tariffs.setValidTo(tx, plan.endTariffIds, endDate);
    return plan.dropped;
  }

  /**
   * A later end date: the tariff and the participations that ended with the old term continue to
   * the new one (each municipality at most as long as it exists), checked for double coverage.
   */
  async extend(
    tx: TenantTransaction,
    contract: ContractEntity,
    oldEnd: IsoDate,
    newEnd: IsoDate | null,
  ): Promise<void> {
    const ending = await this.participations.endingOn(tx, contract.id, oldEnd);
    const codes = [...new Set(ending.map((p) => p.municipalityCode))];
    const municipalities = codes.length ? await this.referenceData.municipalities(tx, codes) : [];
    const plan = planExtension(oldEnd, newEnd, await this.tariffs.forContract(tx, contract.id), ending, municipalities);
    await this.tariffs.setValidTo(tx, plan.tariffIds, newEnd);
    if (plan.participations.length === 0) return;
    await this.coverage.assertNoConflicts(tx, contract.dutyCode, plan.candidates, contract.id);
    await this.participations.setEnds(tx, plan.participations);
  }
}
