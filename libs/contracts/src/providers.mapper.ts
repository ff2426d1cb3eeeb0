import { DutyEntity, ProviderEntity, ServiceEntity } from './catalogue.entities';
import { DutyDto, ProviderDto, ServiceDto } from './dto/providers.dto';

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

export const toDutyDto = (duty: DutyEntity): DutyDto => ({
  code: duty.code,
  name: duty.name,
  description: duty.description,
  legalBasis: duty.legalBasis,
  inForceFrom: duty.inForceFrom,
  countingChannels: duty.countingChannels,
  continuousAvailability: duty.continuousAvailability,
});
