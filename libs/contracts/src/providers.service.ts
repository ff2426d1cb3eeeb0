import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { scheduleProblems } from '@wmo/domain';
import { OrganisationEntity } from '@wmo/identity';
import { isOperator, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ContractsError, ContractsErrorCode } from './contracts.errors';
import { DutyEntity } from './duty.entity';
import {
  AddClosureDto,
  ChannelDto,
  CreateProviderDto,
  CreateServiceDto,
  DutyDto,
  ProviderDto,
  ServiceDto,
  UpdateProviderDto,
} from './dto/providers.dto';
import { ProviderEntity } from './provider.entity';
import { ChannelClosureEntity, ServiceChannelEntity, ServiceEntity } from './service.entity';

const providerNotFound = (id: string) =>
  new ContractsError(ContractsErrorCode.ProviderNotFound, `There is no provider ${id} that you can see.`);

export const toProviderDto = (provider: ProviderEntity): ProviderDto => ({
  id: provider.organisationId,
  legalName: provider.legalName,
  kvkNumber: provider.kvkNumber,
  vatId: provider.vatId ?? undefined,
  iban: provider.iban,
  street: provider.street,
  postalCode: provider.postalCode,
  city: provider.city,
  countryCode: provider.countryCode,
  email: provider.email ?? undefined,
  invoicePrefix: provider.invoicePrefix,
});

export const toServiceDto = (service: ServiceEntity): ServiceDto => ({
  id: service.id,
  providerId: service.providerId,
  name: service.name,
  description: service.description,
  dutyCode: service.dutyCode,
  channels: (service.channels ?? [])
    .sort((a, b) => a.kind.localeCompare(b.kind))
    .map((channel) => ({
      kind: channel.kind,
      contact: channel.contact,
      schedule: channel.schedule,
      closures: (channel.closures ?? [])
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map((closure) => ({
          id: closure.id,
          from: closure.startsAt.toISOString(),
          to: closure.endsAt.toISOString(),
          reason: closure.reason,
        })),
    })),
});

@Injectable()
export class ProvidersService {
  constructor(private readonly db: ScopedDatabase) {}

  duties(): Promise<DutyDto[]> {
    return this.db.transaction(async (tx) => tx.manager.find(DutyEntity, { order: { code: 'ASC' } }));
  }

  /** Providers are visible to the operator, to themselves, and to those who contract them (municipalities, the VNG). */
  list(): Promise<ProviderDto[]> {
    return this.db.transaction(async (tx) =>
      (await tx.manager.find(ProviderEntity, { order: { legalName: 'ASC' } })).map(toProviderDto),
    );
  }

  get(id: string): Promise<ProviderDto> {
    return this.db.transaction(async (tx) => toProviderDto(await this.find(tx, id)));
  }

  /** A provider is an organisation of kind PROVIDER with its legal and billing details (OPERATOR). */
  create(dto: CreateProviderDto): Promise<ProviderDto> {
    return this.db.transaction(async (tx) => {
      const organisation = await tx.manager.save(
        OrganisationEntity,
        tx.manager.create(OrganisationEntity, { kind: 'PROVIDER', name: dto.legalName, municipalityCode: null }),
      );
      const provider = await tx.manager
        .save(
          ProviderEntity,
          tx.manager.create(ProviderEntity, {
            ...dto,
            organisationId: organisation.id,
            vatId: dto.vatId ?? null,
            email: dto.email ?? null,
          }),
        )
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
      const saved = await tx.manager.save(ProviderEntity, provider).catch(prefixTaken(provider.invoicePrefix));
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
      const services = await tx.manager.find(ServiceEntity, {
        where: { providerId },
        relations: { channels: { closures: true } },
        order: { name: 'ASC' },
      });
      return services.map(toServiceDto);
    });
  }

  service(providerId: string, serviceId: string): Promise<ServiceDto> {
    return this.db.transaction(async (tx) => toServiceDto(await this.findService(tx, providerId, serviceId)));
  }

  createService(providerId: string, dto: CreateServiceDto): Promise<ServiceDto> {
    return this.db.transaction(async (tx) => {
      await this.findOwn(tx, providerId);
      const duty = await tx.manager.findOneBy(DutyEntity, { code: dto.dutyCode });
      if (!duty) throw new ContractsError(ContractsErrorCode.DutyNotFound, `There is no duty ${dto.dutyCode}.`);
      assertChannelsValid(dto.channels);
      const service = await tx.manager.save(
        ServiceEntity,
        tx.manager.create(ServiceEntity, {
          providerId,
          dutyCode: duty.code,
          name: dto.name,
          description: dto.description ?? null,
        }),
      );
      for (const channel of dto.channels) {
        const saved = await tx.manager.save(
          ServiceChannelEntity,
          tx.manager.create(ServiceChannelEntity, {
            serviceId: service.id,
            providerId,
            kind: channel.kind,
            contact: channel.contact ?? null,
            schedule: channel.schedule,
          }),
        );
        for (const closure of channel.closures ?? []) {
          await tx.manager.insert(ChannelClosureEntity, {
            channelId: saved.id,
            providerId,
            startsAt: new Date(closure.from),
            endsAt: new Date(closure.to),
            reason: closure.reason,
          });
        }
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
      await tx.manager.insert(ChannelClosureEntity, {
        channelId: channel.id,
        providerId,
        startsAt: new Date(dto.from),
        endsAt: new Date(dto.to),
        reason: dto.reason,
      });
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
    const provider = await tx.manager.findOneBy(ProviderEntity, { organisationId: id });
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
    const service = await tx.manager.findOne(ServiceEntity, {
      where: { id: serviceId, providerId },
      relations: { channels: { closures: true } },
    });
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
  (prefix: string) => (error: { code?: string; constraint?: string; driverError?: { constraint?: string } }) => {
    if (
      error.code === '23505' &&
      (error.driverError?.constraint ?? error.constraint) === 'provider_invoice_prefix_key'
    ) {
      throw new ContractsError(
        ContractsErrorCode.InvoicePrefixTaken,
        `The invoice prefix ${prefix} is already used by another provider.`,
      );
    }
    throw error;
  };

function assertChannelsValid(channels: ChannelDto[]): void {
  const kinds = channels.map((channel) => channel.kind);
  const duplicate = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
  if (duplicate)
    throw new RequestValidationError([{ field: 'channels', message: `channel ${duplicate} appears twice` }]);
  const problems = channels.flatMap((channel, i) => [
    ...scheduleProblems(channel.schedule).map((message) => ({ field: `channels.${i}.schedule`, message })),
  ]);
  channels.forEach((channel, i) =>
    (channel.closures ?? []).forEach((closure, j) => assertClosureValid(closure, `channels.${i}.closures.${j}`)),
  );
  if (problems.length) throw new RequestValidationError(problems);
}

function assertClosureValid(closure: { from: string; to: string }, field: string): void {
  const from = Date.parse(closure.from);
  const to = Date.parse(closure.to);
  if (Number.isNaN(from) || Number.isNaN(to))
    throw new RequestValidationError([{ field, message: 'from and to must be valid date-times' }]);
  if (to <= from) throw new RequestValidationError([{ field: `${field}.to`, message: 'to must be after from' }]);
}
