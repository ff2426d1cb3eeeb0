// The entities entry point (@wmo/identity/entities): for the migration schema only.
import { ApiKeyEntity } from './api-key.entity';
import { InstanceSecretEntity } from './instance-secret.entity';
import { LoginFailureEntity } from './login-failure.entity';
import { OrganisationEntity } from './organisation.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

export const IDENTITY_ENTITIES = [
  OrganisationEntity,
  UserEntity,
  RefreshTokenEntity,
  ApiKeyEntity,
  LoginFailureEntity,
  InstanceSecretEntity,
];
