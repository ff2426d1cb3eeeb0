import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Transaction } from '@wmo/tenancy';
import { ProviderEntity } from './catalogue.entities';

export type NewProvider = Omit<ProviderEntity, 'createdAt' | 'updatedAt' | 'organisation' | 'countryCode'> & {
  countryCode?: string;
};

/**
 * The provider table: the legal and billing details of PROVIDER organisations. Visible to the
 * provider itself, the operator, and those who contract providers (municipalities, the VNG).
 */
@Injectable()
export class ProviderRepository {
  /** By legal name. */
  all(tx: Transaction): Promise<ProviderEntity[]> {
    return tx.manager.find(ProviderEntity, { order: { legalName: 'ASC' } });
  }

  findById(tx: Transaction, organisationId: string): Promise<ProviderEntity | null> {
    return tx.manager.findOneBy(ProviderEntity, { organisationId });
  }

  findByIds(tx: Transaction, organisationIds: readonly string[]): Promise<ProviderEntity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return tx.manager.findBy(ProviderEntity, { organisationId: In([...organisationIds]) });
  }

  /** A taken invoice prefix fails on provider_invoice_prefix_key (23505). */
  insert(tx: Transaction, provider: NewProvider): Promise<ProviderEntity> {
    return tx.manager.save(ProviderEntity, tx.manager.create(ProviderEntity, provider));
  }

  /** A taken invoice prefix fails on provider_invoice_prefix_key (23505). */
  save(tx: Transaction, provider: ProviderEntity): Promise<ProviderEntity> {
    return tx.manager.save(ProviderEntity, provider);
  }

  /** Seeding: inserts the provider unless its organisation already has one. */
  async insertIfMissing(tx: Transaction, provider: NewProvider): Promise<void> {
    await tx.manager
      .createQueryBuilder()
      .insert()
      .into(ProviderEntity)
      .values(provider)
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
}
