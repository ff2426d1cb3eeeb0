import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@wmo/identity';
import type { TenantTransaction } from '@wmo/tenancy';
import { ContractEntity } from './contract.entities';
import { ContractRepository } from './contract.repository';
import { ContractServiceRepository } from './contract-service.repository';
import { contractNotFound } from './contracts.errors';
import { LoadedContract } from './contracts.mapper';
import { assertCanManage } from './contracts.rules';
import { ProviderRepository } from './provider.repository';
import { TariffRepository } from './tariff.repository';

/** Finds contracts as the caller may see or change them, and loads what their DTOs show. */
@Injectable()
export class ContractLoader {
  constructor(
    private readonly contracts: ContractRepository,
    private readonly providers: ProviderRepository,
    private readonly services: ContractServiceRepository,
    private readonly tariffs: TariffRepository,
    private readonly organisations: OrganisationDirectory,
  ) {}

  /** A contract the caller can see; any other is a 404, exactly like a missing one. */
  async find(tx: TenantTransaction, id: string): Promise<ContractEntity> {
    const contract = await this.contracts.findById(tx, id);
    if (!contract) throw contractNotFound(id);
    return contract;
  }

  /**
   * A contract the caller may change, row-locked for the rest of the transaction and read again
   * under the lock. The right to change it is checked before locking: a reader who may not change
   * it gets a 403, not the 404 the row-level policy for updates would give.
   */
  async findManaged(tx: TenantTransaction, id: string): Promise<ContractEntity> {
    assertCanManage(tx.principal, await this.find(tx, id));
    return this.contracts.findByIdForUpdate(tx, id);
  }

  async load(tx: TenantTransaction, contract: ContractEntity): Promise<LoadedContract> {
    return (await this.loadMany(tx, [contract]))[0];
  }

  async loadMany(tx: TenantTransaction, contracts: ContractEntity[]): Promise<LoadedContract[]> {
    if (contracts.length === 0) return [];
    const ids = contracts.map((c) => c.id);
    // One after another: a transaction's queries share one connection.
    const organisations = await this.organisations.organisations(tx, [
      ...new Set(contracts.map((c) => c.contractingOrganisationId)),
    ]);
    const providers = await this.providers.findByIds(tx, [...new Set(contracts.map((c) => c.supplierId))]);
    const links = await this.services.forContracts(tx, ids);
    const tariffs = await this.tariffs.forContracts(tx, ids);
    return contracts.map((contract) => ({
      contract,
      contractingName: organisations.find((o) => o.id === contract.contractingOrganisationId)?.name ?? '',
      supplierName: providers.find((p) => p.organisationId === contract.supplierId)?.legalName ?? '',
      services: links
        .filter((l) => l.contractId === contract.id)
        .map((l) => ({ id: l.serviceId, name: l.serviceName })),
      tariffs: tariffs.filter((t) => t.contractId === contract.id),
    }));
  }
}
