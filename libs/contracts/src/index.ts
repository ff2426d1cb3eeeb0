export * from './contract-children.entity';
export { ContractIdParam } from './dto/contracts.dto';
export { WeeklyIntervalDto } from './dto/providers.dto';
export * from './contract.entity';
export * from './contracts.constants';
export * from './contracts.errors';
export * from './contracts.module';
export * from './contracts.service';
export * from './coverage';
export * from './duty.entity';
export * from './participants.service';
export * from './provider.entity';
export * from './providers.service';
export * from './service.entity';

import {
  ContractAmendmentEntity,
  ContractExceptionEntity,
  ContractServiceEntity,
  ParticipationEntity,
  TariffEntity,
} from './contract-children.entity';
import { ContractEntity } from './contract.entity';
import { DutyEntity } from './duty.entity';
import { ProviderEntity } from './provider.entity';
import { ChannelClosureEntity, ServiceChannelEntity, ServiceEntity } from './service.entity';

export const CONTRACT_ENTITIES = [
  DutyEntity,
  ProviderEntity,
  ServiceEntity,
  ServiceChannelEntity,
  ChannelClosureEntity,
  ContractEntity,
  TariffEntity,
  ParticipationEntity,
  ContractExceptionEntity,
  ContractServiceEntity,
  ContractAmendmentEntity,
];
