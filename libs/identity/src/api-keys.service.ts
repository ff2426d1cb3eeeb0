import { Injectable } from '@nestjs/common';
import { hasRole, ScopedDatabase } from '@wmo/tenancy';
import { ApiKeyEntity } from './api-key.entity';
import { API_KEY_PREFIX, newOpaqueToken, sha256 } from './credentials';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-keys.dto';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import { toApiKeyDto } from './mappers';

@Injectable()
export class ApiKeysService {
  constructor(private readonly db: ScopedDatabase) {}

  list(): Promise<ApiKeyDto[]> {
    return this.db.transaction(async (tx) => {
      const keys = await tx.manager.getRepository(ApiKeyEntity).findBy({ organisationId: tx.principal.organisationId });
      return keys.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(toApiKeyDto);
    });
  }

  /** A key's roles are never wider than its creator's. The secret is returned once; only its hash is stored. */
  create(dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.db.transaction(async (tx) => {
      const { principal } = tx;
      if (principal.kind !== 'user')
        throw new IdentityError(
          IdentityErrorCode.NotForApiKeys,
          'API keys are created by a signed-in user, not by another key.',
        );
      const wider = dto.roles.filter((role) => !hasRole(principal, role));
      if (wider.length) {
        throw new IdentityError(
          IdentityErrorCode.RolesTooWide,
          `A key cannot have roles you do not have yourself: ${wider.join(', ')}.`,
        );
      }
      const secret = newOpaqueToken(API_KEY_PREFIX);
      const key = await tx.manager.getRepository(ApiKeyEntity).save({
        organisationId: principal.organisationId,
        name: dto.name.trim(),
        prefix: secret.slice(0, 10),
        keyHash: sha256(secret),
        roles: dto.roles,
        createdByUserId: principal.userId!,
      });
      await tx.audit({
        action: 'api-key.created',
        entityType: 'api-key',
        entityId: key.id,
        after: { name: key.name, prefix: key.prefix, roles: key.roles },
      });
      return { ...toApiKeyDto(key), secret };
    });
  }

  revoke(id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const key = await tx.manager
        .getRepository(ApiKeyEntity)
        .findOneBy({ id, organisationId: tx.principal.organisationId });
      if (!key)
        throw new IdentityError(IdentityErrorCode.ApiKeyNotFound, `There is no API key ${id} in your organisation.`);
      if (key.revokedAt) return;
      const revokedAt = new Date();
      await tx.manager.update(ApiKeyEntity, { id }, { revokedAt });
      await tx.audit({
        action: 'api-key.revoked',
        entityType: 'api-key',
        entityId: id,
        before: { revokedAt: null },
        after: { revokedAt: revokedAt.toISOString() },
      });
    });
  }
}
