import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';
import { providerNotFound } from './contracts.errors';
import { ProviderRepository } from './provider.repository';

/** A provider as another library names it. */
export interface ProviderSummary {
  /** The provider's organisation id. */
  id: string;
  legalName: string;
}

/**
 * Providers for other libraries (statistics). Runs in the transaction it is given: in a tenant
 * transaction a provider is visible to itself, the operator, and those who contract providers
 * (municipalities, the VNG); not to other providers.
 */
@Injectable()
export class ProvidersReader {
  constructor(private readonly providers: ProviderRepository) {}

  /** The provider, or null when it does not exist or the transaction cannot see it. */
  async provider(tx: Transaction, id: string): Promise<ProviderSummary | null> {
    const provider = await this.providers.findById(tx, id);
    return provider ? { id: provider.organisationId, legalName: provider.legalName } : null;
  }

  /**
   * The provider, or the 404 `ContractsError` PROVIDER_NOT_FOUND ("There is no provider {id} that
   * you can see."), as GET /providers/{id} answers.
   */
  async visibleProvider(tx: Transaction, id: string): Promise<ProviderSummary> {
    const provider = await this.provider(tx, id);
    if (!provider) throw providerNotFound(id);
    return provider;
  }
}
