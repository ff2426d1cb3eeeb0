import type { AuditEventListRow } from '@wmo/tenancy';
import { ApiKeyDto } from './dto/api-keys.dto';
import { AuditEventDto } from './dto/audit-events.dto';
import { OrganisationDto } from './dto/organisations.dto';
import { UserDto } from './dto/users.dto';
import { ApiKeyEntity, OrganisationEntity, UserEntity } from './identity.entities';

export const toUserDto = (user: UserEntity): UserDto => ({
  id: user.id,
  organisationId: user.organisationId,
  email: user.email,
  name: user.name,
  roles: user.roles,
  active: user.active,
  lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  createdAt: user.createdAt.toISOString(),
});

export const toApiKeyDto = (key: ApiKeyEntity): ApiKeyDto => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  roles: key.roles,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

export const toOrganisationDto = (organisation: OrganisationEntity): OrganisationDto => ({
  id: organisation.id,
  kind: organisation.kind,
  name: organisation.name,
  municipalityCode: organisation.municipalityCode,
  createdAt: organisation.createdAt.toISOString(),
});

export const toAuditEventDto = (event: AuditEventListRow): AuditEventDto => ({
  ...event,
  occurredAt: event.occurredAt.toISOString(),
});

/** The audited view of a user: never the password hash. */
export const auditableUser = (user: UserEntity) => ({
  email: user.email,
  name: user.name,
  roles: user.roles,
  active: user.active,
  organisationId: user.organisationId,
});
