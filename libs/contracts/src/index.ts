export { ContractsModule } from './contracts.module';

// Readers: how other libraries read contracts, inside their own transaction.
export { ContractsReader } from './contracts.reader';
export type { BillingContract, DutyInfo, ParticipantStretches, SupplierBillingDetails } from './contracts.reader';
export { CoverageReader, coverageKey } from './coverage.reader';
export type {
  ContractCoverage,
  CoverageChannel,
  CoverageContract,
  CoverageRange,
  CoverageService,
} from './coverage.reader';
export { ProvidersReader } from './providers.reader';
export type { ProviderSummary } from './providers.reader';

// Demo seeding (libs/demo), as the platform.
export { ContractsSeeder } from './contracts.seeder';
export type { SeedContract, SeedProvider, SeedService } from './contracts.seeder';

export { ContractsError, ContractsErrorCode, contractNotFound, providerNotFound } from './contracts.errors';
export {
  CHANNEL_KINDS,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  FUNDING_MODEL_LABELS,
  FUNDING_MODELS,
} from './contracts.constants';
export type {
  BillingFrequency,
  ChannelKind,
  ContractKind,
  ContractStatus,
  ExceptionKind,
  FundingModel,
  ReferenceDateRule,
  VatCategory,
} from './contracts.constants';
export { ContractIdParam } from './dto/contracts.dto';
export { WeeklyIntervalDto } from './dto/providers.dto';
