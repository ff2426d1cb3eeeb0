import { DutyEntity, ProviderEntity, ServiceEntity } from './catalogue.entities';
import { DutyDto, ProviderDto, ServiceDto } from './dto/providers.dto';

/** A provider; with its legal and billing details only where `withBillingDetails` (see seesProviderBillingDetails). */
export const toProviderDto = (provider: ProviderEntity, withBillingDetails = true): ProviderDto => {
  const base: ProviderDto = {
    id: provider.organisationId,
    legalName: provider.legalName,
    invoicePrefix: provider.invoicePrefix,
  };
  if (!withBillingDetails) return base;
  return {
    ...base,
    kvkNumber: provider.kvkNumber,
    vatId: provider.vatId ?? undefined,
    iban: provider.iban,
    street: provider.street,
    postalCode: provider.postalCode,
    city: provider.city,
    countryCode: provider.countryCode,
    email: provider.email ?? undefined,
  };
};

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
