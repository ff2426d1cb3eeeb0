import { Injectable } from '@nestjs/common';
import type { Role, Transaction } from '@wmo/tenancy';
import { ApiKeyEntity } from './identity.entities';

export interface NewApiKey {
  organisationId: string;
  name: string;
  prefix: string;
  keyHash: string;
  roles: Role[];
  createdByUserId: string;
}

@Injectable()
export class ApiKeyRepository {
  findByHash(tx: Transaction, keyHash: string): Promise<ApiKeyEntity | null> {
    return tx.manager.findOneBy(ApiKeyEntity, { keyHash });
  }

  findById(tx: Transaction, id: string): Promise<ApiKeyEntity | null> {
    return tx.manager.findOneBy(ApiKeyEntity, { id });
  }

  findInOrganisation(tx: Transaction, id: string, organisationId: string): Promise<ApiKeyEntity | null> {
    return tx.manager.findOneBy(ApiKeyEntity, { id, organisationId });
  }

  /** An organisation's keys, oldest first. */
  async ofOrganisation(tx: Transaction, organisationId: string): Promise<ApiKeyEntity[]> {
    const keys = await tx.manager.findBy(ApiKeyEntity, { organisationId });
    return keys.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  insert(tx: Transaction, key: NewApiKey): Promise<ApiKeyEntity> {
    return tx.manager.getRepository(ApiKeyEntity).save(key);
  }

  async recordRevocation(tx: Transaction, id: string, revokedAt: Date): Promise<void> {
    await tx.manager.update(ApiKeyEntity, { id }, { revokedAt });
  }

  async recordUse(tx: Transaction, id: string, at: Date): Promise<void> {
    await tx.manager.update(ApiKeyEntity, { id }, { lastUsedAt: at });
  }
}
