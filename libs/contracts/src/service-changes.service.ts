import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { addDays, IsoDate, maxDate, todayInAmsterdam } from '@wmo/domain';
import { ReferenceDataReader } from '@wmo/reference-data';
import { isOperator, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ServiceEntity } from './catalogue.entities';
import { ContractsError, ContractsErrorCode, providerNotFound } from './contracts.errors';
import { coverageKey, CoverageReader } from './coverage.reader';
import { AddClosureDto, ServiceChangeDto, ServiceDto, ServiceEffectDto, UpdateServiceDto } from './dto/providers.dto';
import { DutyRepository } from './duty.repository';
import { ProviderRepository } from './provider.repository';
import { toServiceDto } from './providers.mapper';
import { assertChannelsValid, assertClosureValid, closurePeriod } from './providers.rules';
import { ServiceRepository } from './service.repository';
import { changeLines, DraftChannel, serviceEffect } from './service-effect.rules';

/** How far ahead the effect of a change is judged, at least (a closure further away extends it). */
const EFFECT_DAYS = 365;

/**
 * Changes to a service's channels (contact, weekly hours, closures) with their compliance effect:
 * each answers, before or instead of writing (`dryRun`), what the change does to the duty of every
 * municipality the service covers. Only the provider itself (PROVIDER_ADMIN, per ROUTE_ROLES) or
 * the operator; another provider gets a 404. The compliance overview and obligations are computed
 * from the contracts on every call and the daily evaluation reads them the same way, so a saved
 * change shows at once, as a new closure does; nothing else is triggered.
 */
@Injectable()
export class ServiceChangesService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly providers: ProviderRepository,
    private readonly serviceRows: ServiceRepository,
    private readonly dutyRows: DutyRepository,
    private readonly coverage: CoverageReader,
    private readonly referenceData: ReferenceDataReader,
  ) {}

  /** New hours or contact for channels (a kind the service lacks is added), a new name or description. */
  update(providerId: string, serviceId: string, dto: UpdateServiceDto, dryRun: boolean): Promise<ServiceChangeDto> {
    return this.db.transaction(async (tx) => {
      const service = await this.findOwnService(tx, providerId, serviceId);
      const before = draftOf(service);
      const after = before.map((channel) => {
        const change = dto.channels?.find((c) => c.kind === channel.kind);
        if (!change) return channel;
        return { ...channel, contact: change.contact ?? channel.contact, schedule: change.schedule };
      });
      for (const change of dto.channels ?? [])
        if (!before.some((c) => c.kind === change.kind))
          after.push({ kind: change.kind, contact: change.contact ?? null, schedule: change.schedule, closures: [] });
      if (dto.channels) assertChannelsValid(dto.channels);
      const answer = await this.answer(tx, service, before, after, dryRun);
      const nameChanged = dto.name !== undefined && dto.name !== service.name;
      const descriptionChanged = dto.description !== undefined && dto.description !== service.description;
      if (nameChanged) answer.changes.unshift(`Naam: ${dto.name} (was: ${service.name})`);
      if (descriptionChanged) answer.changes.unshift('Beschrijving gewijzigd');
      if (dryRun) return answer;

      const beforeDto = toServiceDto(service);
      if (nameChanged || descriptionChanged)
        await this.serviceRows.updateService(tx, {
          id: serviceId,
          providerId,
          name: dto.name ?? service.name,
          description: dto.description === undefined ? service.description : dto.description,
        });
      for (const change of dto.channels ?? []) {
        const existing = service.channels?.find((c) => c.kind === change.kind);
        if (existing)
          await this.serviceRows.updateChannel(tx, {
            id: existing.id,
            providerId,
            contact: change.contact ?? existing.contact,
            schedule: change.schedule,
          });
        else
          await this.serviceRows.insertChannel(tx, {
            serviceId,
            providerId,
            kind: change.kind,
            contact: change.contact ?? null,
            schedule: change.schedule,
          });
      }
      return this.saved(tx, providerId, serviceId, 'service.updated', beforeDto, answer);
    });
  }

  /** The effect of a new closure; POST .../closures without dryRun records it (ProvidersService.addClosure). */
  previewClosure(providerId: string, serviceId: string, dto: AddClosureDto): Promise<ServiceChangeDto> {
    return this.db.transaction(async (tx) => {
      const service = await this.findOwnService(tx, providerId, serviceId);
      assertClosureValid(dto, 'closure');
      const before = draftOf(service);
      if (!before.some((c) => c.kind === dto.channel))
        throw new RequestValidationError([{ field: 'channel', message: `the service has no ${dto.channel} channel` }]);
      const { startsAt, endsAt, reason } = closurePeriod(dto);
      const after = before.map((channel) =>
        channel.kind === dto.channel
          ? { ...channel, closures: [...channel.closures, { id: null, startsAt, endsAt, reason }] }
          : channel,
      );
      return this.answer(tx, service, before, after, true);
    });
  }

  /**
   * Removes a closure that has not started; one that has started ends now (its past stays as it
   * was). One that is over is history: a 409.
   */
  removeClosure(providerId: string, serviceId: string, closureId: string, dryRun: boolean): Promise<ServiceChangeDto> {
    return this.db.transaction(async (tx) => {
      const service = await this.findOwnService(tx, providerId, serviceId);
      const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      const before = draftOf(service);
      const closure = before.flatMap((c) => c.closures).find((c) => c.id === closureId);
      if (!closure)
        throw new ContractsError(
          ContractsErrorCode.ClosureNotFound,
          `Service ${serviceId} has no closure ${closureId}.`,
        );
      if (closure.endsAt <= now)
        throw new ContractsError(
          ContractsErrorCode.ClosurePast,
          `The closure ended at ${closure.endsAt.toISOString()}: a past closure stays as it was.`,
        );
      const started = closure.startsAt < now;
      const after = before.map((channel) => ({
        ...channel,
        closures: channel.closures.flatMap((c) => (c.id !== closureId ? [c] : started ? [{ ...c, endsAt: now }] : [])),
      }));
      const answer = await this.answer(tx, service, before, after, dryRun);
      if (dryRun) return answer;
      const beforeDto = toServiceDto(service);
      if (started) await this.serviceRows.endClosure(tx, providerId, closureId, now);
      else await this.serviceRows.deleteClosure(tx, providerId, closureId);
      return this.saved(
        tx,
        providerId,
        serviceId,
        started ? 'service.closure-ended' : 'service.closure-removed',
        beforeDto,
        answer,
      );
    });
  }

  private async saved(
    tx: TenantTransaction,
    providerId: string,
    serviceId: string,
    action: string,
    before: ServiceDto,
    answer: ServiceChangeDto,
  ): Promise<ServiceChangeDto> {
    const service = await this.serviceRows.findWithChannels(tx, providerId, serviceId);
    const after = toServiceDto(service!);
    await tx.audit({ action, entityType: 'service', entityId: serviceId, organisationId: providerId, before, after });
    return { ...answer, applied: true, service: after };
  }

  private async answer(
    tx: TenantTransaction,
    service: ServiceEntity,
    before: DraftChannel[],
    after: DraftChannel[],
    dryRun: boolean,
  ): Promise<ServiceChangeDto> {
    return {
      applied: !dryRun,
      service: toServiceDto(service),
      changes: changeLines(before, after),
      effect: await this.effect(tx, service, before, after),
    };
  }

  /**
   * Judged as the platform: a municipality's coverage includes contracts the provider cannot see
   * (its other suppliers), and the caller's right to the service was checked first.
   */
  private async effect(
    tx: TenantTransaction,
    service: ServiceEntity,
    before: DraftChannel[],
    after: DraftChannel[],
  ): Promise<ServiceEffectDto> {
    const duty = await this.dutyRows.findByCode(tx, service.dutyCode);
    const today = todayInAmsterdam();
    const lastClosure = [...before, ...after]
      .flatMap((c) => c.closures)
      .reduce<IsoDate>((latest, c) => maxDate(latest, todayInAmsterdam(c.endsAt)), today);
    const period = { from: today, to: maxDate(addDays(today, EFFECT_DAYS - 1), lastClosure) };
    return tx.unscopedWithin(async (platform) => {
      const coverage = await this.coverage.coverage(platform, null);
      const ranges = new Map(
        [...coverage.coverage.entries()]
          .filter(([key]) => key.startsWith(coverageKey(service.dutyCode, '')))
          .map(([key, list]) => [key.slice(coverageKey(service.dutyCode, '').length), list]),
      );
      const served = [...ranges.entries()]
        .filter(([, list]) =>
          list.some(
            (r) =>
              r.from <= period.to &&
              (r.to === null || r.to >= period.from) &&
              coverage.contracts.get(r.contractId)?.services.some((s) => s.id === service.id),
          ),
        )
        .map(([code]) => code);
      const municipalities = await this.referenceData.municipalities(platform, served);
      return serviceEffect({
        serviceId: service.id,
        duty: {
          code: service.dutyCode,
          countingChannels: duty?.countingChannels ?? [],
          continuousAvailability: duty?.continuousAvailability ?? false,
        },
        period,
        coverage: {
          contracts: coverage.contracts,
          ranges: new Map(served.map((code) => [code, ranges.get(code)!])),
          names: new Map(municipalities.map((m) => [m.code, m.name])),
        },
        before,
        after,
      });
    });
  }

  private async findOwnService(tx: TenantTransaction, providerId: string, serviceId: string): Promise<ServiceEntity> {
    if (!isOperator(tx.principal) && tx.principal.organisationId !== providerId) throw providerNotFound(providerId);
    if (!(await this.providers.findById(tx, providerId))) throw providerNotFound(providerId);
    const service = await this.serviceRows.findWithChannels(tx, providerId, serviceId);
    if (!service)
      throw new ContractsError(
        ContractsErrorCode.ServiceNotFound,
        `Provider ${providerId} has no service ${serviceId}.`,
      );
    return service;
  }
}

/** The service's channels as the effect rules read them, by kind. */
function draftOf(service: ServiceEntity): DraftChannel[] {
  return [...(service.channels ?? [])]
    .sort((a, b) => a.kind.localeCompare(b.kind))
    .map((channel) => ({
      kind: channel.kind,
      contact: channel.contact,
      schedule: channel.schedule,
      closures: [...(channel.closures ?? [])]
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map((c) => ({ id: c.id, startsAt: c.startsAt, endsAt: c.endsAt, reason: c.reason })),
    }));
}
