import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { OrganisationDirectory } from '@wmo/identity';
import { isOperator, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ContractsError, ContractsErrorCode, isUniqueViolation, providerNotFound } from './contracts.errors';
import {
  AddClosureDto,
  CreateProviderDto,
  CreateServiceDto,
  DutyDto,
  ProviderDto,
  ServiceDto,
  UpdateProviderDto,
} from './dto/providers.dto';
import { DutyRepository } from './duty.repository';
import { ProviderEntity, ServiceEntity } from './catalogue.entities';
import { ProviderRepository } from './provider.repository';
import { toDutyDto, toProviderDto, toServiceDto } from './providers.mapper';
import { assertChannelsValid, assertClosureValid, closurePeriod, seesProviderBillingDetails } from './providers.rules';
import { ServiceRepository } from './service.repository';

/** Providers with their legal and billing details, their services, channels and closures; and the duties. */
@Injectable()
export class ProvidersService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly dutyRows: DutyRepository,
    private readonly providers: ProviderRepository,
    private readonly serviceRows: ServiceRepository,
    private readonly organisations: OrganisationDirectory,
  ) {}

  duties(): Promise<DutyDto[]> {
    return this.db.transaction(async (tx) => (await this.dutyRows.all(tx)).map(toDutyDto));
  }

  /** Providers are visible to the operator, to themselves, and to those who contract them (municipalities, the VNG). */
  list(): Promise<ProviderDto[]> {
    return this.db.transaction(async (tx) =>
      (await this.providers.all(tx)).map((provider) =>
        toProviderDto(provider, seesProviderBillingDetails(tx.principal, provider.organisationId)),
      ),
    );
  }

  get(id: string): Promise<ProviderDto> {
    return this.db.transaction(async (tx) => {
      const provider = await this.find(tx, id);
      return toProviderDto(provider, seesProviderBillingDetails(tx.principal, provider.organisationId));
    });
  }

  /** A provider is an organisation of kind PROVIDER with its legal and billing details (OPERATOR). */
  create(dto: CreateProviderDto): Promise<ProviderDto> {
    return this.db.transaction(async (tx) => {
      const organisation = await this.organisations.createOrganisation(tx, { kind: 'PROVIDER', name: dto.legalName });
      const provider = await this.providers
        .insert(tx, { ...dto, organisationId: organisation.id, vatId: dto.vatId ?? null, email: dto.email ?? null })
        .catch(prefixTaken(dto.invoicePrefix));
      await tx.audit({
        action: 'provider.created',
        entityType: 'provider',
        entityId: organisation.id,
        organisationId: organisation.id,
        after: toProviderDto(provider),
      });
      return toProviderDto(provider);
    });
  }

  update(id: string, dto: UpdateProviderDto): Promise<ProviderDto> {
    return this.db.transaction(async (tx) => {
      const provider = await this.findOwn(tx, id);
      const before = toProviderDto(provider);
      Object.assign(provider, dto);
      const saved = await this.providers.save(tx, provider).catch(prefixTaken(provider.invoicePrefix));
      await tx.audit({
        action: 'provider.updated',
        entityType: 'provider',
        entityId: id,
        organisationId: id,
        before,
        after: toProviderDto(saved),
      });
      return toProviderDto(saved);
    });
  }

  services(providerId: string): Promise<ServiceDto[]> {
    return this.db.transaction(async (tx) => {
      await this.find(tx, providerId);
      return (await this.serviceRows.forProvider(tx, providerId)).map(toServiceDto);
    });
  }

  service(providerId: string, serviceId: string): Promise<ServiceDto> {
    return this.db.transaction(async (tx) => toServiceDto(await this.findService(tx, providerId, serviceId)));
  }

  createService(providerId: string, dto: CreateServiceDto): Promise<ServiceDto> {
    return this.db.transaction(async (tx) => {
      await this.findOwn(tx, providerId);
      const duty = await this.dutyRows.findByCode(tx, dto.dutyCode);
      if (!duty) throw new ContractsError(ContractsErrorCode.DutyNotFound, `There is no duty ${dto.dutyCode}.`);
      assertChannelsValid(dto.channels);
      const service = await this.serviceRows.insertService(tx, {
        providerId,
        dutyCode: duty.code,
        name: dto.name,
        description: dto.description ?? null,
      });
      for (const channel of dto.channels) {
        const saved = await this.serviceRows.insertChannel(tx, {
          serviceId: service.id,
          providerId,
          kind: channel.kind,
          contact: channel.contact ?? null,
          schedule: channel.schedule,
        });
        for (const closure of channel.closures ?? [])
          await this.serviceRows.insertClosure(tx, { channelId: saved.id, providerId, ...closurePeriod(closure) });
      }
      const created = await this.findService(tx, providerId, service.id);
      await tx.audit({
        action: 'service.created',
        entityType: 'service',
        entityId: service.id,
        organisationId: providerId,
        after: toServiceDto(created),
      });
      return toServiceDto(created);
    });
  }

  addClosure(providerId: string, serviceId: string, dto: AddClosureDto): Promise<ServiceDto> {
    return this.db.transaction(async (tx) => {
      await this.findOwn(tx, providerId);
      const service = await this.findService(tx, providerId, serviceId);
      assertClosureValid(dto, 'closure');
      const channel = service.channels?.find((c) => c.kind === dto.channel);
      if (!channel)
        throw new RequestValidationError([{ field: 'channel', message: `the service has no ${dto.channel} channel` }]);
      await this.serviceRows.insertClosure(tx, { channelId: channel.id, providerId, ...closurePeriod(dto) });
      await tx.audit({
        action: 'service.closure-added',
        entityType: 'service',
        entityId: serviceId,
        organisationId: providerId,
        after: { ...dto },
      });
      return toServiceDto(await this.findService(tx, providerId, serviceId));
    });
  }

  private async find(tx: TenantTransaction, id: string): Promise<ProviderEntity> {
    const provider = await this.providers.findById(tx, id);
    if (!provider) throw providerNotFound(id);
    return provider;
  }

  /** For changes: the operator, or the provider itself; any other caller sees a 404 or already got a 403. */
  private async findOwn(tx: TenantTransaction, id: string): Promise<ProviderEntity> {
    if (!isOperator(tx.principal) && tx.principal.organisationId !== id) throw providerNotFound(id);
    return this.find(tx, id);
  }

  private async findService(tx: TenantTransaction, providerId: string, serviceId: string): Promise<ServiceEntity> {
    await this.find(tx, providerId);
    const service = await this.serviceRows.findWithChannels(tx, providerId, serviceId);
    if (!service)
      throw new ContractsError(
        ContractsErrorCode.ServiceNotFound,
        `Provider ${providerId} has no service ${serviceId}.`,
      );
    return service;
  }
}

/** Prefixes are unique over all providers, also those the caller cannot see: the unique key decides. */
const prefixTaken =
  (prefix: string) =>
  (error: unknown): never => {
    if (isUniqueViolation(error, 'provider_invoice_prefix_key')) {
      throw new ContractsError(
        ContractsErrorCode.InvoicePrefixTaken,
        `The invoice prefix ${prefix} is already used by another provider.`,
      );
    }
    throw error;
  };
