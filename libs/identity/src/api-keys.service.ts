import { Injectable } from '@nestjs/common';
import { ScopedDatabase } from '@wmo/tenancy';
import { ApiKeyRepository } from './api-key.repository';
import { API_KEY_PREFIX, newOpaqueToken, sha256 } from './credentials';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-keys.dto';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import { assertApiKeyGrantable } from './identity.rules';
import { toApiKeyDto } from './mappers';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly keys: ApiKeyRepository,
  ) {}

  list(): Promise<ApiKeyDto[]> {
    return this.db.transaction(async (tx) =>
      (await this.keys.ofOrganisation(tx, tx.principal.organisationId)).map(toApiKeyDto),
    );
  }

  /** A key's roles are never wider than its creator's. The secret is returned once; only its hash is stored. */
  create(dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.db.transaction(async (tx) => {
      const { principal } = tx;
      assertApiKeyGrantable(principal, dto.roles);
      const secret = newOpaqueToken(API_KEY_PREFIX);
      const key = await this.keys.insert(tx, {
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
      const key = await this.keys.findInOrganisation(tx, id, tx.principal.organisationId);
      if (!key)
        throw new IdentityError(IdentityErrorCode.ApiKeyNotFound, `There is no API key ${id} in your organisation.`);
      if (key.revokedAt) return;
      const revokedAt = new Date();
      await this.keys.recordRevocation(tx, id, revokedAt);
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
