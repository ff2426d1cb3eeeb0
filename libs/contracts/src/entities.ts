// The entities entry point (@wmo/contracts/entities): for the migration schema only.
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
