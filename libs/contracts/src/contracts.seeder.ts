import { Injectable } from '@nestjs/common';
import { IsoDate, WeeklyInterval } from '@wmo/domain';
import type { PlatformTransaction } from '@wmo/tenancy';
import { ContractExceptionRepository } from './contract-exception.repository';
import { ContractRepository } from './contract.repository';
import { ContractServiceRepository } from './contract-service.repository';
import type { SupplierBillingDetails } from './contract.types';
import { ChannelKind, ContractKind, FundingModel } from './contracts.constants';
import { partiesOf } from './contracts.mapper';
import { ParticipationRepository } from './participation.repository';
import { ProviderRepository } from './provider.repository';
import { ServiceRepository } from './service.repository';
import { TariffRepository } from './tariff.repository';

/** A provider of the demo; its organisationId is the PROVIDER organisation (created through @wmo/identity), in the Netherlands. */
export type SeedProvider = Omit<SupplierBillingDetails, 'countryCode'>;

export interface SeedService {
  name: string;
  description: string | null;
  dutyCode: string;
  channels: Array<{ kind: ChannelKind; contact: string | null; schedule: WeeklyInterval[] }>;
}

/** An active contract with one service and one tariff over its whole term, as the demo history has them. */
export interface SeedContract {
  reference: string;
  title: string;
  kind: ContractKind;
  dutyCode: string;
  contractingOrganisationId: string;
  supplierId: string;
  serviceId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  fundingModel: FundingModel;
  /** EUR per inhabitant per year ("0.2500"). */
  perInhabitant: string;
  /** VAT category E (exempt) with this reason. */
  vatExemptionReason: string;
  exceptions: Array<{ code: string; reason: string; from: IsoDate }>;
  participations: Array<{
    code: string;
    from: IsoDate;
    to: IsoDate | null;
    origin: 'ENROLMENT' | 'ROLL_OVER' | 'CONTRACT';
  }>;
}

/**
 * Writes demo providers, services and contracts as the platform (libs/demo), idempotently. The
 * demo seeds outside the Nest container, so the seeder makes its own (stateless) repositories and
 * can be constructed with `new ContractsSeeder()`.
 */
@Injectable()
export class ContractsSeeder {
  private readonly providers = new ProviderRepository();
  private readonly services = new ServiceRepository();
  private readonly contracts = new ContractRepository();
  private readonly contractServices = new ContractServiceRepository();
  private readonly tariffs = new TariffRepository();
  private readonly exceptions = new ContractExceptionRepository();
  private readonly participations = new ParticipationRepository();

  /** The provider's legal and billing details, unless its organisation already has them. */
  ensureProvider(tx: PlatformTransaction, provider: SeedProvider): Promise<void> {
    return this.providers.insertIfMissing(tx, provider);
  }

  /** The provider's service of that name (created with its channels if missing); answers its id. */
  async ensureService(tx: PlatformTransaction, providerId: string, service: SeedService): Promise<string> {
    const existing = await this.services.findByName(tx, providerId, service.name);
    if (existing) return existing.id;
    const created = await this.services.insertService(tx, {
      providerId,
      dutyCode: service.dutyCode,
      name: service.name,
      description: service.description,
    });
    for (const channel of service.channels)
      await this.services.insertChannel(tx, { serviceId: created.id, providerId, ...channel });
    return created.id;
  }

  contractExists(tx: PlatformTransaction, reference: string): Promise<boolean> {
    return this.contracts.existsByReference(tx, reference);
  }

  /** Inserts the contract as ACTIVE with its service, tariff, exceptions and participations; answers its id. */
  async insertActiveContract(tx: PlatformTransaction, seed: SeedContract): Promise<string> {
    const contract = await this.contracts.insert(tx, {
      reference: seed.reference,
      title: seed.title,
      kind: seed.kind,
      status: 'ACTIVE',
      dutyCode: seed.dutyCode,
      contractingOrganisationId: seed.contractingOrganisationId,
      supplierId: seed.supplierId,
      startDate: seed.startDate,
      endDate: seed.endDate,
      fundingModel: seed.fundingModel,
      billingFrequency: 'ANNUAL_IN_ADVANCE',
      paymentTermDays: 30,
      referenceDateRule: 'JANUARY_FIRST_PREVIOUS_YEAR',
      vatCategory: 'E',
      vatRate: '0',
      vatExemptionReason: seed.vatExemptionReason,
      terminatedAt: null,
      terminationReason: null,
      activatedAt: new Date(),
    });
    const parties = partiesOf(contract);
    await this.contractServices.replace(tx, parties, [seed.serviceId]);
    await this.tariffs.insert(tx, parties, {
      perInhabitant: seed.perInhabitant,
      validFrom: seed.startDate,
      validTo: seed.endDate,
    });
    for (const exception of seed.exceptions) {
      await this.exceptions.insert(tx, parties, {
        municipalityCode: exception.code,
        kind: 'EXCLUDED',
        reason: exception.reason,
        fromDate: exception.from,
        toDate: null,
      });
    }
    for (const origin of ['ENROLMENT', 'ROLL_OVER', 'CONTRACT'] as const) {
      const participations = seed.participations.filter((p) => p.origin === origin);
      await this.participations.insertMany(tx, parties, participations, origin);
    }
    return contract.id;
  }
}
