import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { IsoDate } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { ContractChild, TariffEntity } from './contract.entities';

export interface NewTariff {
  perInhabitant: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** The tariff table: EUR per inhabitant per year, per contract, never overlapping. */
@Injectable()
export class TariffRepository {
  /** A contract's tariffs, earliest first. */
  forContract(tx: Transaction, contractId: string): Promise<TariffEntity[]> {
    return tx.manager.find(TariffEntity, { where: { contractId }, order: { validFrom: 'ASC' } });
  }

  forContracts(tx: Transaction, contractIds: readonly string[]): Promise<TariffEntity[]> {
    if (contractIds.length === 0) return Promise.resolve([]);
    return tx.manager.find(TariffEntity, { where: { contractId: In([...contractIds]) }, order: { validFrom: 'ASC' } });
  }

  /** Inserts a tariff and answers it as stored. */
  insert(tx: Transaction, parties: ContractChild, tariff: NewTariff): Promise<TariffEntity> {
    return tx.manager.save(TariffEntity, tx.manager.create(TariffEntity, { ...parties, ...tariff }));
  }

  async setValidTo(tx: Transaction, ids: readonly string[], validTo: IsoDate | null): Promise<void> {
    if (ids.length) await tx.manager.update(TariffEntity, { id: In([...ids]) }, { validTo });
  }

  async deleteByIds(tx: Transaction, ids: readonly string[]): Promise<void> {
    if (ids.length) await tx.manager.delete(TariffEntity, { id: In([...ids]) });
  }
}
