import { Module } from '@nestjs/common';
import { IdentityModule } from '@wmo/identity';
import { ReferenceDataModule } from '@wmo/reference-data';
import { AmendmentsService } from './amendments.service';
import { ContractAmendmentRepository } from './contract-amendment.repository';
import { ContractExceptionRepository } from './contract-exception.repository';
import { ContractLifecycleService } from './contract-lifecycle.service';
import { ContractLoader } from './contract-loader';
import { ContractRepository } from './contract.repository';
import { ContractServiceRepository } from './contract-service.repository';
import { ContractTerms } from './contract-terms';
import { ContractsController } from './contracts.controller';
import { ContractsReader } from './contracts.reader';
import { ContractsSeeder } from './contracts.seeder';
import { ContractsService } from './contracts.service';
import { CoverageGuard } from './coverage-guard';
import { CoverageReader } from './coverage.reader';
import { CoverageRepository } from './coverage.repository';
import { DutyRepository } from './duty.repository';
import { ExceptionsService } from './exceptions.service';
import { MunicipalityContractsService } from './municipality-contracts.service';
import { ParticipantsService } from './participants.service';
import { ParticipationRepository } from './participation.repository';
import { ProviderRepository } from './provider.repository';
import { ProvidersController } from './providers.controller';
import { ProvidersReader } from './providers.reader';
import { ProvidersService } from './providers.service';
import { RollOverService } from './roll-over.service';
import { ReorganisationImportsController } from './reorganisation-imports.controller';
import { ReorganisationImportsService } from './reorganisation-imports.service';
import { ServiceChangesService } from './service-changes.service';
import { ServiceRepository } from './service.repository';
import { TariffRepository } from './tariff.repository';

const REPOSITORIES = [
  ContractRepository,
  TariffRepository,
  ParticipationRepository,
  ContractExceptionRepository,
  ContractServiceRepository,
  ContractAmendmentRepository,
  DutyRepository,
  ProviderRepository,
  ServiceRepository,
  CoverageRepository,
];

const READERS = [ContractsReader, CoverageReader, ProvidersReader, ContractsSeeder];

/**
 * Providers, services, contracts and coverage. Other libraries read contracts through the readers
 * (and the demo seeds through ContractsSeeder).
 */
@Module({
  // IdentityModule as is provides the OrganisationDirectory alone (also where forRoot is not imported: the worker).
  imports: [ReferenceDataModule, IdentityModule],
  controllers: [ProvidersController, ContractsController, ReorganisationImportsController],
  providers: [
    ...REPOSITORIES,
    ...READERS,
    CoverageGuard,
    ContractLoader,
    ContractTerms,
    ProvidersService,
    ServiceChangesService,
    ContractsService,
    ContractLifecycleService,
    AmendmentsService,
    MunicipalityContractsService,
    ParticipantsService,
    ExceptionsService,
    RollOverService,
    ReorganisationImportsService,
  ],
  exports: READERS,
})
export class ContractsModule {}
