// The entities entry point (@wmo/contracts/entities): for the migration schema only.
import {
  ChannelClosureEntity,
  DutyEntity,
  ProviderEntity,
  ServiceChannelEntity,
  ServiceEntity,
} from './catalogue.entities';
import {
  ContractAmendmentEntity,
  ContractEntity,
  ContractExceptionEntity,
  ContractServiceEntity,
  ParticipationEntity,
  TariffEntity,
} from './contract.entities';

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
