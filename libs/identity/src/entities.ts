// The entities entry point (@wmo/identity/entities): for the migration schema only.
import {
  ApiKeyEntity,
  InstanceSecretEntity,
  LoginFailureEntity,
  OrganisationEntity,
  RefreshTokenEntity,
  UserEntity,
} from './identity.entities';

export const IDENTITY_ENTITIES = [
  OrganisationEntity,
  UserEntity,
  RefreshTokenEntity,
  ApiKeyEntity,
  LoginFailureEntity,
  InstanceSecretEntity,
];
