import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { In } from 'typeorm';
import { RequestValidationError } from '@wmo/common';
import {
  addDays,
  contains,
  firstOverlap,
  isValidOn,
  periodContains,
  tariffDecimal,
  todayInAmsterdam,
} from '@wmo/domain';
import { OrganisationEntity } from '@wmo/identity';
import { MunicipalityEntity } from '@wmo/reference-data';
import { hasRole, isOperator, Principal, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ContractChild, ContractEntity } from './contract.entity';
import {
  ContractAmendmentEntity,
  ContractServiceEntity,
  ParticipationEntity,
  TariffEntity,
} from './contract-children.entity';
import { ContractStatus } from './contracts.constants';
import { contractNotFound, ContractsError, ContractsErrorCode } from './contracts.errors';
import { CoverageRegistry } from './coverage';
import {
  AmendmentDto,
  ContractDto,
  ContractPageDto,
  CreateAmendmentDto,
  CreateContractDto,
  ListContractsQuery,
  MunicipalityContractDto,
  TariffDto,
  TariffInputDto,
  TerminateContractDto,
  UpdateContractDto,
} from './dto/contracts.dto';
import { DutyEntity } from './duty.entity';
import { ProviderEntity } from './provider.entity';
import { ServiceEntity } from './service.entity';

export interface LoadedContract {
  contract: ContractEntity;
  contractingName: string;
  supplierName: string;
  services: Array<{ id: string; name: string }>;
  tariffs: TariffEntity[];
}

/** The status as people read it: an active contract past its end date has ENDED. */
export function displayStatus(
  contract: Pick<ContractEntity, 'status' | 'endDate'>,
  today = todayInAmsterdam(),
): ContractStatus {
  return contract.status === 'ACTIVE' && contract.endDate !== null && contract.endDate < today
    ? 'ENDED'
    : contract.status;
}

export const toTariffDto = (tariff: TariffEntity): TariffDto => ({
  perInhabitant: tariffDecimal(tariff.perInhabitant),
  validFrom: tariff.validFrom,
  validTo: tariff.validTo,
});

export function toContractDto({
  contract,
  contractingName,
  supplierName,
  services,
  tariffs,
}: LoadedContract): ContractDto {
  return {
    id: contract.id,
    reference: contract.reference,
    title: contract.title,
    kind: contract.kind,
    status: displayStatus(contract),
    dutyCode: contract.dutyCode,
    fundingModel: contract.fundingModel,
    contractingOrganisation: { id: contract.contractingOrganisationId, name: contractingName },
    supplier: { id: contract.supplierId, name: supplierName },
    startDate: contract.startDate,
    endDate: contract.endDate,
    billingFrequency: contract.billingFrequency,
    paymentTermDays: contract.paymentTermDays,
    referenceDateRule: contract.referenceDateRule,
    vatCategory: contract.vatCategory,
    vatRate: new Decimal(contract.vatRate).toFixed(2),
    vatExemptionReason: contract.vatExemptionReason,
    services,
    tariffs: [...tariffs].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).map(toTariffDto),
    terminatedAt: contract.terminatedAt?.toISOString() ?? null,
    terminationReason: contract.terminationReason,
  };
}

export const partiesOf = (contract: ContractEntity): ContractChild => ({
  contractId: contract.id,
  contractingOrganisationId: contract.contractingOrganisationId,
  supplierId: contract.supplierId,
});

/**
 * Who may change a contract: the contracting party (a CONTRACT_MANAGER of the association for a
 * collective contract, an ORG_ADMIN of the municipality for its own) and the operator.
 */
export function canManage(principal: Principal, contract: Pick<ContractEntity, 'contractingOrganisationId'>): boolean {
  if (isOperator(principal)) return true;
  if (principal.organisationId !== contract.contractingOrganisationId) return false;
  return principal.organisationKind === 'MUNICIPALITY'
    ? hasRole(principal, 'ORG_ADMIN')
    : hasRole(principal, 'CONTRACT_MANAGER');
}

@Injectable()
export class ContractsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly coverage: CoverageRegistry,
  ) {}

  list(query: ListContractsQuery): Promise<ContractPageDto> {
    return this.db.transaction(async (tx) => {
      const qb = tx.manager.createQueryBuilder(ContractEntity, 'c');
      if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
      if (query.status === 'ENDED')
        qb.andWhere(`c.status = 'ACTIVE' AND c.end_date < :today`, { today: todayInAmsterdam() });
      else if (query.status === 'ACTIVE')
        qb.andWhere(`c.status = 'ACTIVE' AND (c.end_date IS NULL OR c.end_date >= :today)`, {
          today: todayInAmsterdam(),
        });
      else if (query.status) qb.andWhere('c.status = :status', { status: query.status });
      if (query.year)
        qb.andWhere(
          `c.start_date <= make_date(:year, 12, 31) AND (c.end_date IS NULL OR c.end_date >= make_date(:year, 1, 1))`,
          { year: query.year },
        );
      if (query.municipality) {
        qb.andWhere(
          `EXISTS (SELECT 1 FROM participation p WHERE p.contract_id = c.id AND p.municipality_code = :code)`,
          { code: query.municipality },
        );
      }
      const [contracts, total] = await qb
        .orderBy('c.start_date', 'DESC')
        .addOrderBy('c.reference', 'ASC')
        .skip((query.page - 1) * query.limit)
        .take(query.limit)
        .getManyAndCount();
      const loaded = await this.loadMany(tx, contracts);
      return { items: loaded.map(toContractDto), total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<ContractDto> {
    return this.db.transaction(async (tx) => toContractDto(await this.load(tx, await this.find(tx, id))));
  }

  create(dto: CreateContractDto): Promise<ContractDto> {
    return this.db.transaction(async (tx) => {
      const duty = await tx.manager.findOneBy(DutyEntity, { code: dto.dutyCode });
      if (!duty) throw new ContractsError(ContractsErrorCode.DutyNotFound, `There is no duty ${dto.dutyCode}.`);
      if (dto.startDate < duty.inForceFrom) {
        throw new ContractsError(
          ContractsErrorCode.OutsideContractTerm,
          `The duty ${duty.code} is in force from ${duty.inForceFrom}; the contract cannot start before (${dto.startDate}).`,
        );
      }
      const contractingOrganisationId = await this.contractingParty(tx, dto);
      const supplier = await this.supplier(tx, dto.supplierId);
      assertTerms({ ...dto, endDate: dto.endDate ?? null, vatRate: dto.vatRate ?? defaultVatRate(dto.vatCategory) });
      const contract = await tx.manager
        .save(
          ContractEntity,
          tx.manager.create(ContractEntity, {
            reference:
              dto.reference ??
              `${supplier.invoicePrefix}-${dto.startDate.slice(0, 4)}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
            title: dto.title,
            kind: dto.kind,
            status: 'DRAFT',
            dutyCode: duty.code,
            contractingOrganisationId,
            supplierId: supplier.organisationId,
            startDate: dto.startDate,
            endDate: dto.endDate ?? null,
            fundingModel: dto.fundingModel,
            billingFrequency: dto.billingFrequency ?? 'ANNUAL_IN_ADVANCE',
            paymentTermDays: dto.paymentTermDays ?? 30,
            referenceDateRule: dto.referenceDateRule ?? 'JANUARY_FIRST_PREVIOUS_YEAR',
            vatCategory: dto.vatCategory,
            vatRate: dto.vatRate ?? defaultVatRate(dto.vatCategory),
            vatExemptionReason: dto.vatExemptionReason ?? null,
            terminatedAt: null,
            terminationReason: null,
            activatedAt: null,
          }),
        )
        .catch(referenceTaken(dto.reference));
      await this.setServices(tx, contract, dto.serviceIds ?? [], duty.code);
      for (const tariff of dto.tariffs ?? []) await this.insertTariff(tx, contract, tariff);
      const created = await this.load(tx, contract);
      await tx.audit({
        action: 'contract.created',
        entityType: 'contract',
        entityId: contract.id,
        organisationId: contractingOrganisationId,
        after: toContractDto(created),
      });
      return toContractDto(created);
    });
  }

  /** Edits a draft. An active contract changes only through dated amendments (409 here). */
  update(id: string, dto: UpdateContractDto): Promise<ContractDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.findManaged(tx, id);
      if (contract.status !== 'DRAFT') {
        throw new ContractsError(
          ContractsErrorCode.ContractNotDraft,
          `Contract ${contract.reference} is ${displayStatus(contract)}; change it with a dated amendment (POST /contracts/${id}/amendments).`,
        );
      }
      const before = toContractDto(await this.load(tx, contract));
      if (dto.supplierId && dto.supplierId !== contract.supplierId) await this.supplier(tx, dto.supplierId);
      const { serviceIds, ...terms } = dto;
      Object.assign(contract, Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== undefined)));
      if (dto.vatCategory && dto.vatRate === undefined) contract.vatRate = defaultVatRate(dto.vatCategory);
      assertTerms(contract);
      await tx.manager.save(ContractEntity, contract).catch(referenceTaken(dto.reference));
      if (serviceIds) await this.setServices(tx, contract, serviceIds, contract.dutyCode);
      const after = toContractDto(await this.load(tx, contract));
      await tx.audit({
        action: 'contract.updated',
        entityType: 'contract',
        entityId: id,
        organisationId: contract.contractingOrganisationId,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * DRAFT -> ACTIVE: needs a service and a tariff from the start; an individual contract enrols
   * its municipality; no participant may then be covered by another active contract for the duty.
   */
  activate(id: string): Promise<ContractDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.findManaged(tx, id);
      if (contract.status !== 'DRAFT')
        throw new ContractsError(
          ContractsErrorCode.ContractNotDraft,
          `Contract ${contract.reference} is already ${displayStatus(contract)}.`,
        );
      const loaded = await this.load(tx, contract);
      const problems: string[] = [];
      if (loaded.services.length === 0) problems.push('it covers no service');
      const first = [...loaded.tariffs].sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
      if (!first || first.validFrom > contract.startDate)
        problems.push(`no tariff is in force on its start date ${contract.startDate}`);
      const term = { from: contract.startDate, to: contract.endDate };
      const outside = loaded.tariffs.filter((t) => !periodContains(term, { from: t.validFrom, to: t.validTo }));
      if (outside.length)
        problems.push(`tariffs lie outside its term (from ${outside.map((t) => t.validFrom).join(', ')})`);
      if (problems.length)
        throw new ContractsError(
          ContractsErrorCode.InvalidContract,
          `Contract ${contract.reference} cannot be activated: ${problems.join('; ')}.`,
          { problems },
        );

      if (contract.kind === 'INDIVIDUAL') {
        const organisation = await tx.manager.findOneByOrFail(OrganisationEntity, {
          id: contract.contractingOrganisationId,
        });
        const municipality = await tx.manager.findOneByOrFail(MunicipalityEntity, {
          code: organisation.municipalityCode!,
        });
        if (!isValidOn(municipality, contract.startDate)) {
          throw new ContractsError(
            ContractsErrorCode.MunicipalityNotExisting,
            `${municipality.name} (${municipality.code}) does not exist on the contract's start date ${contract.startDate}${municipality.validTo ? ` (it ended ${municipality.validTo})` : ''}.`,
          );
        }
        await tx.manager.insert(ParticipationEntity, {
          ...partiesOf(contract),
          municipalityCode: municipality.code,
          fromDate: contract.startDate,
          toDate: minEnd(contract.endDate, municipality.validTo),
          origin: 'CONTRACT',
        });
      }
      const participants = await tx.manager.findBy(ParticipationEntity, { contractId: id });
      const strays = participants.filter((p) => !periodContains(term, { from: p.fromDate, to: p.toDate }));
      if (strays.length) {
        throw new ContractsError(
          ContractsErrorCode.OutsideContractTerm,
          `Participants lie outside the contract term: ${strays.map((p) => p.municipalityCode).join(', ')}.`,
        );
      }
      await this.coverage.lock(
        tx.manager,
        contract.dutyCode,
        participants.map((p) => p.municipalityCode),
      );
      const conflicts = await this.coverage.unscopedConflicts(
        tx,
        contract.dutyCode,
        participants.map((p) => ({ code: p.municipalityCode, from: p.fromDate, to: p.toDate })),
        id,
      );
      if (conflicts.length)
        throw doubleCoverage(conflicts[0].code, conflicts[0].contractReference, conflicts[0].contractId, conflicts);
      contract.status = 'ACTIVE';
      contract.activatedAt = new Date();
      await tx.manager.save(ContractEntity, contract);
      await tx.audit({
        action: 'contract.activated',
        entityType: 'contract',
        entityId: id,
        organisationId: contract.contractingOrganisationId,
        before: { status: 'DRAFT' },
        after: { status: 'ACTIVE' },
      });
      return toContractDto(await this.load(tx, contract));
    });
  }

  /** Ends an active contract early: it covers up to and including the termination date. */
  terminate(id: string, dto: TerminateContractDto): Promise<ContractDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.findManaged(tx, id);
      if (contract.status !== 'ACTIVE')
        throw new ContractsError(
          ContractsErrorCode.ContractNotActive,
          `Only an active contract can be terminated; ${contract.reference} is ${displayStatus(contract)}.`,
        );
      if (dto.terminationDate < contract.startDate || (contract.endDate && dto.terminationDate > contract.endDate)) {
        throw new ContractsError(
          ContractsErrorCode.OutsideContractTerm,
          `The termination date ${dto.terminationDate} must lie within the contract term ${contract.startDate} to ${contract.endDate ?? 'open-ended'}.`,
        );
      }
      const before = { status: contract.status, endDate: contract.endDate };
      contract.status = 'TERMINATED';
      contract.endDate = dto.terminationDate;
      contract.terminatedAt = new Date();
      contract.terminationReason = dto.reason;
      await tx.manager.save(ContractEntity, contract);
      const dropped = await shortenTerm(tx, id, dto.terminationDate);
      await tx.audit({
        action: 'contract.terminated',
        entityType: 'contract',
        entityId: id,
        organisationId: contract.contractingOrganisationId,
        before: { ...before, ...dropped },
        after: { status: 'TERMINATED', endDate: dto.terminationDate, reason: dto.reason },
      });
      return toContractDto(await this.load(tx, contract));
    });
  }

  amendments(id: string): Promise<AmendmentDto[]> {
    return this.db.transaction(async (tx) => {
      await this.find(tx, id);
      const amendments = await tx.manager.find(ContractAmendmentEntity, {
        where: { contractId: id },
        order: { number: 'ASC' },
      });
      return amendments.map(toAmendmentDto);
    });
  }

  /** The only way an active contract changes: dated, numbered, audited, listed. */
  amend(id: string, dto: CreateAmendmentDto): Promise<AmendmentDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.findManaged(tx, id);
      if (contract.status !== 'ACTIVE') {
        throw new ContractsError(
          ContractsErrorCode.ContractNotActive,
          `Amendments apply to active contracts; ${contract.reference} is ${displayStatus(contract)}${contract.status === 'DRAFT' ? ' (edit the draft instead)' : ''}.`,
        );
      }
      if (dto.effectiveDate < contract.startDate || (contract.endDate && dto.effectiveDate > contract.endDate)) {
        throw new ContractsError(
          ContractsErrorCode.OutsideContractTerm,
          `The amendment's effective date ${dto.effectiveDate} lies outside the contract term.`,
        );
      }
      const changes: AmendmentDto['changes'] = {};
      if (dto.endDate !== undefined && dto.endDate !== contract.endDate) {
        if (dto.endDate !== null && dto.endDate < contract.startDate)
          throw new RequestValidationError([
            { field: 'endDate', message: 'endDate must not be before the contract start' },
          ]);
        const oldEnd = contract.endDate;
        changes.endDate = { before: oldEnd, after: dto.endDate };
        contract.endDate = dto.endDate;
        if (dto.endDate !== null && (oldEnd === null || dto.endDate < oldEnd)) {
          const dropped = await shortenTerm(tx, id, dto.endDate);
          if (dropped.droppedTariffs.length || dropped.droppedParticipations.length)
            changes.dropped = { before: dropped, after: null };
        } else if (oldEnd !== null) {
          await this.extendTerm(tx, contract, oldEnd, dto.endDate);
        }
      }
      if (dto.paymentTermDays !== undefined && dto.paymentTermDays !== contract.paymentTermDays) {
        changes.paymentTermDays = { before: contract.paymentTermDays, after: dto.paymentTermDays };
        contract.paymentTermDays = dto.paymentTermDays;
      }
      if (dto.perInhabitant !== undefined) {
        const tariffs = await tx.manager.find(TariffEntity, { where: { contractId: id }, order: { validFrom: 'ASC' } });
        const current = tariffs.find((t) => contains({ from: t.validFrom, to: t.validTo }, dto.effectiveDate));
        if (tariffs.some((t) => t.validFrom >= dto.effectiveDate)) {
          throw new ContractsError(
            ContractsErrorCode.TariffOverlap,
            `A tariff already starts on or after ${dto.effectiveDate}.`,
          );
        }
        if (current)
          await tx.manager.update(TariffEntity, { id: current.id }, { validTo: addDays(dto.effectiveDate, -1) });
        await tx.manager.insert(TariffEntity, {
          ...partiesOf(contract),
          perInhabitant: dto.perInhabitant,
          validFrom: dto.effectiveDate,
          validTo: contract.endDate,
        });
        changes.tariff = {
          before: current ? toTariffDto(current) : null,
          after: {
            perInhabitant: tariffDecimal(dto.perInhabitant),
            validFrom: dto.effectiveDate,
            validTo: contract.endDate,
          },
        };
      }
      if (dto.serviceIds) {
        const before = (await this.load(tx, contract)).services.map((s) => s.id).sort();
        await this.setServices(tx, contract, dto.serviceIds, contract.dutyCode);
        changes.services = { before, after: [...dto.serviceIds].sort() };
      }
      if (Object.keys(changes).length === 0)
        throw new RequestValidationError([{ field: 'body', message: 'the amendment changes nothing' }]);
      await tx.manager.save(ContractEntity, contract);
      const [{ next }] = await tx.manager.query<[{ next: number }]>(
        `SELECT coalesce(max(number), 0) + 1 AS next FROM contract_amendment WHERE contract_id = $1`,
        [id],
      );
      const amendment = await tx.manager.save(
        ContractAmendmentEntity,
        tx.manager.create(ContractAmendmentEntity, {
          ...partiesOf(contract),
          number: next,
          effectiveDate: dto.effectiveDate,
          reason: dto.reason,
          changes,
          createdByUserId: tx.principal.userId,
        }),
      );
      await tx.audit({
        action: 'contract.amended',
        entityType: 'contract',
        entityId: id,
        organisationId: contract.contractingOrganisationId,
        after: { number: next, effectiveDate: dto.effectiveDate, reason: dto.reason, changes },
      });
      return toAmendmentDto(amendment);
    });
  }

  /**
   * A later end date: the tariff and the participations that ended with the old term continue to
   * the new one (each municipality at most as long as it exists), checked for double coverage.
   */
  private async extendTerm(
    tx: TenantTransaction,
    contract: ContractEntity,
    oldEnd: string,
    newEnd: string | null,
  ): Promise<void> {
    await tx.manager.query(`UPDATE tariff SET valid_to = $3 WHERE contract_id = $1 AND valid_to = $2`, [
      contract.id,
      oldEnd,
      newEnd,
    ]);
    const continuing = await tx.manager.query<Array<{ id: string; code: string; to: string | null }>>(
      `SELECT p.id, p.municipality_code AS code,
              least(m.valid_to, $3::date) /* NULL (open) ends are ignored */ AS "to"
         FROM participation p JOIN municipality m ON m.code = p.municipality_code
        WHERE p.contract_id = $1 AND p.to_date = $2 AND (m.valid_to IS NULL OR m.valid_to > $2)`,
      [contract.id, oldEnd, newEnd],
    );
    if (continuing.length === 0) return;
    await this.coverage.lock(
      tx.manager,
      contract.dutyCode,
      continuing.map((p) => p.code),
    );
    const conflicts = await this.coverage.unscopedConflicts(
      tx,
      contract.dutyCode,
      continuing.map((p) => ({ code: p.code, from: addDays(oldEnd, 1), to: p.to })),
      contract.id,
    );
    if (conflicts.length)
      throw doubleCoverage(conflicts[0].code, conflicts[0].contractReference, conflicts[0].contractId, conflicts);
    for (const p of continuing) await tx.manager.update(ParticipationEntity, { id: p.id }, { toDate: p.to });
  }

  tariffs(id: string): Promise<TariffDto[]> {
    return this.db.transaction(async (tx) => {
      await this.find(tx, id);
      return (await tx.manager.find(TariffEntity, { where: { contractId: id }, order: { validFrom: 'ASC' } })).map(
        toTariffDto,
      );
    });
  }

  /** Adds a tariff to a draft; an active contract's price changes by amendment. Tariffs never overlap. */
  addTariff(id: string, dto: TariffInputDto): Promise<TariffDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.findManaged(tx, id);
      if (contract.status !== 'DRAFT') {
        throw new ContractsError(
          ContractsErrorCode.ContractNotDraft,
          `Contract ${contract.reference} is ${displayStatus(contract)}: change its tariff with a dated amendment.`,
        );
      }
      const tariff = await this.insertTariff(tx, contract, dto);
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

  /** The contracts covering a municipality on a date, with the tariff in force then. */
  forMunicipality(code: string, date = todayInAmsterdam()): Promise<MunicipalityContractDto[]> {
    return this.db.transaction(async (tx) => {
      await assertMunicipalityVisible(tx, code);
      const rows = await tx.manager
        .createQueryBuilder(ParticipationEntity, 'p')
        .innerJoin(ContractEntity, 'c', 'c.id = p.contract_id')
        .where('p.municipality_code = :code', { code })
        .andWhere('p.from_date <= :date AND (p.to_date IS NULL OR p.to_date >= :date)', { date })
        .andWhere(
          `c.status IN ('ACTIVE', 'TERMINATED') AND c.start_date <= :date AND (c.end_date IS NULL OR c.end_date >= :date)`,
          { date },
        )
        .getMany();
      const contracts = rows.length
        ? await tx.manager.findBy(ContractEntity, { id: In(rows.map((p) => p.contractId)) })
        : [];
      const loaded = await this.loadMany(tx, contracts);
      return loaded.map((l) => {
        const participation = rows.find((p) => p.contractId === l.contract.id)!;
        const tariff = l.tariffs.find((t) => contains({ from: t.validFrom, to: t.validTo }, date));
        return {
          ...toContractDto(l),
          tariffPerInhabitant: tariff ? tariffDecimal(tariff.perInhabitant) : null,
          participationFrom: participation.fromDate,
          participationTo: participation.toDate,
        };
      });
    });
  }

  async find(tx: TenantTransaction, id: string): Promise<ContractEntity> {
    const contract = await tx.manager.findOneBy(ContractEntity, { id });
    if (!contract) throw contractNotFound(id);
    return contract;
  }

  /**
   * A contract the caller may change, row-locked for the rest of the transaction and read again
   * under the lock. The right to change it is checked before locking: a reader who may not change
   * it gets a 403, not the 404 the row-level policy for updates would give.
   */
  async findManaged(tx: TenantTransaction, id: string): Promise<ContractEntity> {
    const contract = await this.find(tx, id);
    if (!canManage(tx.principal, contract)) {
      throw new ContractsError(
        ContractsErrorCode.NotContractManager,
        `Contract ${contract.reference} is managed by its contracting party; you can read it but not change it.`,
      );
    }
    return tx.manager.findOneOrFail(ContractEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async load(tx: TenantTransaction, contract: ContractEntity): Promise<LoadedContract> {
    return (await this.loadMany(tx, [contract]))[0];
  }

  private async loadMany(tx: TenantTransaction, contracts: ContractEntity[]): Promise<LoadedContract[]> {
    if (contracts.length === 0) return [];
    const ids = contracts.map((c) => c.id);
    // One after another: a transaction's queries share one connection.
    const organisations = await tx.manager.findBy(OrganisationEntity, {
      id: In([...new Set(contracts.map((c) => c.contractingOrganisationId))]),
    });
    const providers = await tx.manager.findBy(ProviderEntity, {
      organisationId: In([...new Set(contracts.map((c) => c.supplierId))]),
    });
    const links = await tx.manager.find(ContractServiceEntity, {
      where: { contractId: In(ids) },
      relations: { service: true },
    });
    const tariffs = await tx.manager.findBy(TariffEntity, { contractId: In(ids) });
    return contracts.map((contract) => ({
      contract,
      contractingName: organisations.find((o) => o.id === contract.contractingOrganisationId)?.name ?? '',
      supplierName: providers.find((p) => p.organisationId === contract.supplierId)?.legalName ?? '',
      services: links
        .filter((l) => l.contractId === contract.id)
        .map((l) => ({ id: l.serviceId, name: l.service?.name ?? '' })),
      tariffs: tariffs.filter((t) => t.contractId === contract.id),
    }));
  }

  private async contractingParty(tx: TenantTransaction, dto: CreateContractDto): Promise<string> {
    const { principal } = tx;
    if (dto.kind === 'COLLECTIVE') {
      if (dto.municipalityCode)
        throw new RequestValidationError([
          { field: 'municipalityCode', message: 'a collective contract has no contracting municipality' },
        ]);
      if (
        !isOperator(principal) &&
        !(principal.organisationKind === 'ASSOCIATION' && hasRole(principal, 'CONTRACT_MANAGER'))
      ) {
        throw new ContractsError(
          ContractsErrorCode.NotContractManager,
          'Collective contracts are made by a CONTRACT_MANAGER of the association (the VNG).',
        );
      }
      if (isOperator(principal)) {
        const [association] = await tx.manager.find(OrganisationEntity, {
          where: { kind: 'ASSOCIATION' },
          order: { createdAt: 'ASC' },
          take: 1,
        });
        if (!association)
          throw new ContractsError(
            ContractsErrorCode.InvalidContract,
            'There is no association to contract collectively.',
          );
        return association.id;
      }
      return principal.organisationId;
    }
    const code = dto.municipalityCode ?? principal.municipalityCode;
    if (!code)
      throw new RequestValidationError([
        { field: 'municipalityCode', message: 'an individual contract needs the contracting municipality' },
      ]);
    if (!isOperator(principal) && (principal.municipalityCode !== code || !hasRole(principal, 'ORG_ADMIN'))) {
      if (principal.municipalityCode !== code && principal.organisationKind === 'MUNICIPALITY')
        throw new ContractsError(
          ContractsErrorCode.MunicipalityNotFound,
          `There is no municipality ${code} that you act for.`,
        );
      throw new ContractsError(
        ContractsErrorCode.NotContractManager,
        'An individual contract is made by an ORG_ADMIN of the municipality itself.',
      );
    }
    const organisation = await tx.manager.findOneBy(OrganisationEntity, { municipalityCode: code });
    if (!organisation)
      throw new ContractsError(ContractsErrorCode.MunicipalityNotFound, `There is no municipality ${code}.`);
    return organisation.id;
  }

  private async supplier(tx: TenantTransaction, id: string): Promise<ProviderEntity> {
    const provider = await tx.manager.findOneBy(ProviderEntity, { organisationId: id });
    if (!provider)
      throw new ContractsError(ContractsErrorCode.ProviderNotFound, `There is no provider ${id} that you can see.`);
    return provider;
  }

  private async setServices(
    tx: TenantTransaction,
    contract: ContractEntity,
    serviceIds: string[],
    dutyCode: string,
  ): Promise<void> {
    const services = serviceIds.length ? await tx.manager.findBy(ServiceEntity, { id: In(serviceIds) }) : [];
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
    await tx.manager.delete(ContractServiceEntity, { contractId: contract.id });
    for (const serviceId of serviceIds)
      await tx.manager.insert(ContractServiceEntity, { ...partiesOf(contract), serviceId });
  }

  private async insertTariff(
    tx: TenantTransaction,
    contract: ContractEntity,
    dto: TariffInputDto,
  ): Promise<TariffEntity> {
    // An open-ended tariff ends with the contract.
    const period = { from: dto.validFrom, to: dto.validTo ?? contract.endDate };
    if (period.to !== null && period.to < period.from)
      throw new RequestValidationError([{ field: 'validTo', message: 'validTo must not be before validFrom' }]);
    if (!periodContains({ from: contract.startDate, to: contract.endDate }, period)) {
      throw new ContractsError(
        ContractsErrorCode.OutsideContractTerm,
        `The tariff period ${period.from} to ${period.to ?? 'open-ended'} lies outside the contract term ${contract.startDate} to ${contract.endDate ?? 'open-ended'}.`,
      );
    }
    const existing = await tx.manager.findBy(TariffEntity, { contractId: contract.id });
    const overlap = firstOverlap([
      ...existing.map((t) => ({ from: t.validFrom, to: t.validTo, id: t.id })),
      { ...period, id: 'new' },
    ]);
    if (overlap) {
      const other = overlap.find((t) => t.id !== 'new')!;
      throw new ContractsError(
        ContractsErrorCode.TariffOverlap,
        `The tariff overlaps the tariff valid from ${other.from} to ${other.to ?? 'open-ended'}; tariffs of a contract never overlap.`,
      );
    }
    return tx.manager.save(
      TariffEntity,
      tx.manager.create(TariffEntity, {
        ...partiesOf(contract),
        perInhabitant: tariffDecimal(dto.perInhabitant),
        validFrom: period.from,
        validTo: period.to,
      }),
    );
  }
}

/**
 * An earlier end date: what started after it goes (listed for the audit log), what ran beyond it
 * now ends on it.
 */
async function shortenTerm(tx: TenantTransaction, contractId: string, endDate: string) {
  // DELETE ... RETURNING answers [rows, count].
  const [droppedTariffs] = await tx.manager.query<[Array<{ per_inhabitant: string; valid_from: string }>, number]>(
    `DELETE FROM tariff WHERE contract_id = $1 AND valid_from > $2 RETURNING per_inhabitant, valid_from`,
    [contractId, endDate],
  );
  const [droppedParticipations] = await tx.manager.query<
    [Array<{ municipality_code: string; from_date: string }>, number]
  >(`DELETE FROM participation WHERE contract_id = $1 AND from_date > $2 RETURNING municipality_code, from_date`, [
    contractId,
    endDate,
  ]);
  await tx.manager.query(
    `UPDATE participation SET to_date = $2 WHERE contract_id = $1 AND (to_date IS NULL OR to_date > $2)`,
    [contractId, endDate],
  );
  await tx.manager.query(
    `UPDATE tariff SET valid_to = $2 WHERE contract_id = $1 AND (valid_to IS NULL OR valid_to > $2)`,
    [contractId, endDate],
  );
  return { droppedTariffs, droppedParticipations };
}

function toAmendmentDto(amendment: ContractAmendmentEntity): AmendmentDto {
  return {
    id: amendment.id,
    number: amendment.number,
    effectiveDate: amendment.effectiveDate,
    reason: amendment.reason,
    changes: amendment.changes,
    createdAt: amendment.createdAt.toISOString(),
  };
}

export function defaultVatRate(category: string): string {
  return category === 'S' ? '21.00' : '0.00';
}

/** The contract's own consistency: term order and VAT. */
function assertTerms(terms: {
  startDate: string;
  endDate: string | null;
  vatCategory: string;
  vatRate: string;
  vatExemptionReason?: string | null;
}): void {
  const errors: Array<{ field: string; message: string }> = [];
  if (terms.endDate !== null && terms.endDate < terms.startDate)
    errors.push({ field: 'endDate', message: 'endDate must not be before startDate' });
  const rate = Number(terms.vatRate);
  if (terms.vatCategory === 'S' && !(rate > 0))
    errors.push({ field: 'vatRate', message: 'standard-rated VAT (S) needs a rate above 0' });
  if (terms.vatCategory !== 'S' && rate !== 0)
    errors.push({ field: 'vatRate', message: `VAT category ${terms.vatCategory} has rate 0` });
  if ((terms.vatCategory === 'E' || terms.vatCategory === 'O') && !terms.vatExemptionReason) {
    errors.push({
      field: 'vatExemptionReason',
      message: `VAT category ${terms.vatCategory} needs an exemption reason on the invoice`,
    });
  }
  if (errors.length) throw new RequestValidationError(errors);
}

export function minEnd(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

export function doubleCoverage(
  code: string,
  reference: string,
  contractId: string,
  conflicts: unknown[] = [],
): ContractsError {
  return new ContractsError(
    ContractsErrorCode.DoubleCoverage,
    `${code} is already covered for this duty by contract ${reference} on some of those days; a municipality is never in two active contracts for the same duty on the same day.`,
    { conflictingContract: { id: contractId, reference }, conflicts },
  );
}

const referenceTaken = (reference: string | undefined) => (error: { code?: string }) => {
  if (error.code === '23505')
    throw new ContractsError(
      ContractsErrorCode.InvalidContract,
      `The contract reference ${reference} is already in use.`,
    );
  throw error;
};

/**
 * The municipalities whose contracts a caller may look at: its own; for the VNG or a provider,
 * those taking part in a contract it can see; all for an operator. Any other is a 404.
 */
export async function assertMunicipalityVisible(tx: TenantTransaction, code: string): Promise<void> {
  const municipality = await tx.manager.findOneBy(MunicipalityEntity, { code });
  const notFound = () =>
    new ContractsError(
      ContractsErrorCode.MunicipalityNotFound,
      `There is no municipality ${code} whose contracts you can see.`,
    );
  if (!municipality) throw notFound();
  if (isOperator(tx.principal)) return;
  if (tx.principal.organisationKind === 'MUNICIPALITY') {
    if (tx.principal.municipalityCode !== code) throw notFound();
    return;
  }
  const [visible] = await tx.manager.query<Array<{ exists: boolean }>>(
    `SELECT EXISTS (SELECT 1 FROM participation WHERE municipality_code = $1) AS exists`,
    [code],
  );
  if (!visible?.exists) throw notFound();
}
