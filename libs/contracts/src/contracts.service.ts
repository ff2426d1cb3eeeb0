import { Injectable } from '@nestjs/common';
import { containsPattern, parseSort } from '@wmo/common';
import { todayInAmsterdam } from '@wmo/domain';
import { OrganisationDirectory } from '@wmo/identity';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ContractLoader } from './contract-loader';
import { ContractRepository } from './contract.repository';
import { ContractTerms } from './contract-terms';
import { ContractsError, ContractsErrorCode, isUniqueViolation, providerNotFound } from './contracts.errors';
import { toContractDto } from './contracts.mapper';
import {
  assertDraftEditable,
  assertDutyInForce,
  assertTerms,
  contractingParty,
  defaultVatRate,
  generatedReference,
} from './contracts.rules';
import {
  ContractDto,
  ContractPageDto,
  CreateContractDto,
  ListContractsQuery,
  UpdateContractDto,
} from './dto/contracts.dto';
import { DutyRepository } from './duty.repository';
import { ProviderEntity } from './catalogue.entities';
import { ProviderRepository } from './provider.repository';

/** Contracts as drafts: listing, reading, creating and editing them. */
@Injectable()
export class ContractsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly contracts: ContractRepository,
    private readonly duties: DutyRepository,
    private readonly providers: ProviderRepository,
    private readonly loader: ContractLoader,
    private readonly terms: ContractTerms,
    private readonly organisations: OrganisationDirectory,
  ) {}

  list(query: ListContractsQuery): Promise<ContractPageDto> {
    return this.db.transaction(async (tx) => {
      const today = todayInAmsterdam();
      const [contracts, total] = await this.contracts.page(tx, {
        ...query,
        pattern: containsPattern(query.q),
        sort: parseSort(query.sort),
        today,
      });
      const loaded = await this.loader.loadMany(tx, contracts);
      const counts = await this.contracts.participantCounts(
        tx,
        contracts.map((c) => c.id),
        today,
      );
      const items = loaded.map((l) => ({ ...toContractDto(l), participantsToday: counts.get(l.contract.id) ?? 0 }));
      return { items, total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<ContractDto> {
    return this.db.transaction(async (tx) => toContractDto(await this.loader.load(tx, await this.loader.find(tx, id))));
  }

  create(dto: CreateContractDto): Promise<ContractDto> {
    return this.db.transaction(async (tx) => {
      const duty = await this.duties.findByCode(tx, dto.dutyCode);
      if (!duty) throw new ContractsError(ContractsErrorCode.DutyNotFound, `There is no duty ${dto.dutyCode}.`);
      assertDutyInForce(duty, dto.startDate);
      const contractingOrganisationId = await this.contractingParty(tx, dto);
      const supplier = await this.supplier(tx, dto.supplierId);
      const vatRate = dto.vatRate ?? defaultVatRate(dto.vatCategory);
      assertTerms({ ...dto, endDate: dto.endDate ?? null, vatRate });
      const contract = await this.contracts
        .insert(tx, {
          reference: dto.reference ?? generatedReference(supplier.invoicePrefix, dto.startDate),
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
          vatRate,
          vatExemptionReason: dto.vatExemptionReason ?? null,
          terminatedAt: null,
          terminationReason: null,
          activatedAt: null,
        })
        .catch(referenceTaken(dto.reference));
      await this.terms.setServices(tx, contract, dto.serviceIds ?? [], duty.code);
      for (const tariff of dto.tariffs ?? []) await this.terms.addTariff(tx, contract, tariff);
      const created = toContractDto(await this.loader.load(tx, contract));
      await tx.audit({
        action: 'contract.created',
        entityType: 'contract',
        entityId: contract.id,
        organisationId: contractingOrganisationId,
        after: created,
      });
      return created;
    });
  }

  /** Edits a draft. An active contract changes only through dated amendments (409 here). */
  update(id: string, dto: UpdateContractDto): Promise<ContractDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.loader.findManaged(tx, id);
      assertDraftEditable(contract, id);
      const before = toContractDto(await this.loader.load(tx, contract));
      if (dto.supplierId && dto.supplierId !== contract.supplierId) await this.supplier(tx, dto.supplierId);
      const { serviceIds, ...terms } = dto;
      Object.assign(contract, Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== undefined)));
      if (dto.vatCategory && dto.vatRate === undefined) contract.vatRate = defaultVatRate(dto.vatCategory);
      assertTerms(contract);
      await this.contracts.save(tx, contract).catch(referenceTaken(dto.reference));
      if (serviceIds) await this.terms.setServices(tx, contract, serviceIds, contract.dutyCode);
      const after = toContractDto(await this.loader.load(tx, contract));
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

  /** The organisation that contracts: the caller's own, the oldest association, or a municipality. */
  private async contractingParty(tx: TenantTransaction, dto: CreateContractDto): Promise<string> {
    const party = contractingParty(tx.principal, dto);
    switch (party.kind) {
      case 'CALLER':
        return tx.principal.organisationId;
      case 'OLDEST_ASSOCIATION': {
        const [association] = await this.organisations.associations(tx);
        if (!association)
          throw new ContractsError(
            ContractsErrorCode.InvalidContract,
            'There is no association to contract collectively.',
          );
        return association.id;
      }
      case 'MUNICIPALITY': {
        const organisation = await this.organisations.municipalityOrganisation(tx, party.municipalityCode);
        if (!organisation)
          throw new ContractsError(
            ContractsErrorCode.MunicipalityNotFound,
            `There is no municipality ${party.municipalityCode}.`,
          );
        return organisation.id;
      }
    }
  }

  private async supplier(tx: TenantTransaction, id: string): Promise<ProviderEntity> {
    const provider = await this.providers.findById(tx, id);
    if (!provider) throw providerNotFound(id);
    return provider;
  }
}

const referenceTaken =
  (reference: string | undefined) =>
  (error: unknown): never => {
    if (isUniqueViolation(error))
      throw new ContractsError(
        ContractsErrorCode.InvalidContract,
        `The contract reference ${reference} is already in use.`,
      );
    throw error;
  };
