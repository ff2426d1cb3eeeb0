import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { addDays, dutchDate, minDate, tariffDecimal } from '@wmo/domain';
import { BillingImpactAssessor } from '@wmo/reference-data';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ContractEntity } from './contract.entities';
import { ContractAmendmentRepository } from './contract-amendment.repository';
import { ContractLoader } from './contract-loader';
import { ContractRepository } from './contract.repository';
import { ContractTerms } from './contract-terms';
import { partiesOf, toAmendmentDto, toTariffDto } from './contracts.mapper';
import { assertAmendable, assertTariffsEditable } from './contracts.rules';
import { AmendmentDto, AmendmentResultDto, CreateAmendmentDto, TariffDto, TariffInputDto } from './dto/contracts.dto';
import { TariffRepository } from './tariff.repository';
import { tariffChange } from './tariffs.rules';
import { endDateChange } from './term-change.rules';

type Changes = AmendmentDto['changes'];

/** A contract's tariffs, and the dated amendments by which an active contract changes. */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly contracts: ContractRepository,
    private readonly amendmentRows: ContractAmendmentRepository,
    private readonly tariffRows: TariffRepository,
    private readonly loader: ContractLoader,
    private readonly terms: ContractTerms,
    private readonly billing: BillingImpactAssessor,
  ) {}

  amendments(id: string): Promise<AmendmentDto[]> {
    return this.db.transaction(async (tx) => {
      await this.loader.find(tx, id);
      return (await this.amendmentRows.forContract(tx, id)).map(toAmendmentDto);
    });
  }

  /** The only way an active contract changes: dated, numbered, audited, listed. */
  amend(id: string, dto: CreateAmendmentDto): Promise<AmendmentResultDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.loader.findManaged(tx, id);
      assertAmendable(contract, dto.effectiveDate);
      const changes: Changes = {};
      if (dto.endDate !== undefined && dto.endDate !== contract.endDate)
        await this.changeEnd(tx, contract, dto.endDate, changes);
      if (dto.paymentTermDays !== undefined && dto.paymentTermDays !== contract.paymentTermDays) {
        changes.paymentTermDays = { before: contract.paymentTermDays, after: dto.paymentTermDays };
        contract.paymentTermDays = dto.paymentTermDays;
      }
      if (dto.perInhabitant !== undefined) await this.changeTariff(tx, contract, dto, dto.perInhabitant, changes);
      if (dto.serviceIds) {
        const before = (await this.loader.load(tx, contract)).services.map((s) => s.id).sort();
        await this.terms.setServices(tx, contract, dto.serviceIds, contract.dutyCode);
        changes.services = { before, after: [...dto.serviceIds].sort() };
      }
      if (Object.keys(changes).length === 0)
        throw new RequestValidationError([{ field: 'body', message: 'the amendment changes nothing' }]);
      await this.contracts.save(tx, contract);
      const next = await this.amendmentRows.nextNumber(tx, id);
      const amendment = await this.amendmentRows.insert(tx, partiesOf(contract), {
        number: next,
        effectiveDate: dto.effectiveDate,
        reason: dto.reason,
        changes,
        createdByUserId: tx.principal.userId,
      });
      await tx.audit({
        action: 'contract.amended',
        entityType: 'contract',
        entityId: id,
        organisationId: contract.contractingOrganisationId,
        after: { number: next, effectiveDate: dto.effectiveDate, reason: dto.reason, changes },
      });
      // A tariff from the effective date, or an end earlier than it, can reach back into issued periods.
      const from = dto.endDate ? minDate(dto.effectiveDate, addDays(dto.endDate, 1)) : dto.effectiveDate;
      const billingImpact =
        changes.tariff || changes.endDate
          ? await this.billing.ofContractChange(tx, {
              contractId: id,
              from,
              codes: null,
              cause: `wijziging ${next} van ${contract.reference} per ${dutchDate(dto.effectiveDate)}`,
            })
          : null;
      return { ...toAmendmentDto(amendment), billingImpact };
    });
  }

  tariffs(id: string): Promise<TariffDto[]> {
    return this.db.transaction(async (tx) => {
      await this.loader.find(tx, id);
      return (await this.tariffRows.forContract(tx, id)).map(toTariffDto);
    });
  }

  /** Adds a tariff to a draft; an active contract's price changes by amendment. Tariffs never overlap. */
  addTariff(id: string, dto: TariffInputDto): Promise<TariffDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.loader.findManaged(tx, id);
      assertTariffsEditable(contract);
      const tariff = await this.terms.addTariff(tx, contract, dto);
      await tx.audit({
        action: 'contract.tariff-added',
        entityType: 'contract',
        entityId: id,
        organisationId: contract.contractingOrganisationId,
        after: toTariffDto(tariff),
      });
      return toTariffDto(tariff);
    });
  }

  /** A new end date: shortening drops what starts after it; extending continues what ended with the old term. */
  private async changeEnd(
    tx: TenantTransaction,
    contract: ContractEntity,
    endDate: string | null,
    changes: Changes,
  ): Promise<void> {
    if (endDate !== null && endDate < contract.startDate)
      throw new RequestValidationError([
        { field: 'endDate', message: 'endDate must not be before the contract start' },
      ]);
    const oldEnd = contract.endDate;
    changes.endDate = { before: oldEnd, after: endDate };
    contract.endDate = endDate;
    const change = endDateChange(oldEnd, endDate);
    if (change === 'SHORTEN') {
      const dropped = await this.terms.shorten(tx, contract.id, endDate!);
      if (dropped.droppedTariffs.length || dropped.droppedParticipations.length)
        changes.dropped = { before: dropped, after: null };
    } else if (change === 'EXTEND' && oldEnd !== null) {
      await this.terms.extend(tx, contract, oldEnd, endDate);
    }
  }

  /** A new tariff from the effective date to the contract's end; the one in force then ends the day before. */
  private async changeTariff(
    tx: TenantTransaction,
    contract: ContractEntity,
    dto: CreateAmendmentDto,
    perInhabitant: string,
    changes: Changes,
  ): Promise<void> {
    const change = tariffChange(
      await this.tariffRows.forContract(tx, contract.id),
      dto.effectiveDate,
      contract.endDate,
    );
    if (change.current) await this.tariffRows.setValidTo(tx, [change.current.id], change.currentEndsOn);
    await this.tariffRows.insert(tx, partiesOf(contract), {
      perInhabitant,
      validFrom: change.next.from,
      validTo: change.next.to,
    });
    changes.tariff = {
      before: change.current ? toTariffDto(change.current) : null,
      after: { perInhabitant: tariffDecimal(perInhabitant), validFrom: change.next.from, validTo: change.next.to },
    };
  }
}
