import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Transaction } from '@wmo/tenancy';
import { ContractChild, ContractServiceEntity } from './contract.entities';

/** A service a contract covers, with its name ('' when the transaction cannot see the service). */
export interface ContractServiceRow {
  contractId: string;
  serviceId: string;
  serviceName: string;
}

/** The contract_service table: the supplier's services a contract covers. */
@Injectable()
export class ContractServiceRepository {
  async forContracts(tx: Transaction, contractIds: readonly string[]): Promise<ContractServiceRow[]> {
    if (contractIds.length === 0) return [];
    const links = await tx.manager.find(ContractServiceEntity, {
      where: { contractId: In([...contractIds]) },
      relations: { service: true },
    });
    return links.map((l) => ({ contractId: l.contractId, serviceId: l.serviceId, serviceName: l.service?.name ?? '' }));
  }

  /** The contract covers exactly these services from now on. */
  async replace(tx: Transaction, parties: ContractChild, serviceIds: readonly string[]): Promise<void> {
    await tx.manager.delete(ContractServiceEntity, { contractId: parties.contractId });
    for (const serviceId of serviceIds) await tx.manager.insert(ContractServiceEntity, { ...parties, serviceId });
  }
}
