import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';
import { ContractChild, ContractExceptionEntity } from './contract.entities';

export type NewContractException = Pick<
  ContractExceptionEntity,
  'municipalityCode' | 'kind' | 'reason' | 'fromDate' | 'toDate'
>;

/** The contract_exception table: municipalities excepted from a collective contract, or opted out. */
@Injectable()
export class ContractExceptionRepository {
  forContract(tx: Transaction, contractId: string): Promise<ContractExceptionEntity[]> {
    return tx.manager.findBy(ContractExceptionEntity, { contractId });
  }

  /** For the exception list: by municipality code. */
  forContractByCode(tx: Transaction, contractId: string): Promise<ContractExceptionEntity[]> {
    return tx.manager.find(ContractExceptionEntity, { where: { contractId }, order: { municipalityCode: 'ASC' } });
  }

  forMunicipality(tx: Transaction, contractId: string, code: string): Promise<ContractExceptionEntity[]> {
    return tx.manager.findBy(ContractExceptionEntity, { contractId, municipalityCode: code });
  }

  /** Inserts an exception and answers it as stored. */
  insert(tx: Transaction, parties: ContractChild, exception: NewContractException): Promise<ContractExceptionEntity> {
    return tx.manager.save(
      ContractExceptionEntity,
      tx.manager.create(ContractExceptionEntity, { ...parties, ...exception }),
    );
  }
}
