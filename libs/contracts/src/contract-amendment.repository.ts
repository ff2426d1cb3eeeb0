import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';
import { ContractAmendmentEntity, ContractChild } from './contract.entities';

export type NewAmendment = Pick<
  ContractAmendmentEntity,
  'number' | 'effectiveDate' | 'reason' | 'changes' | 'createdByUserId'
>;

/** The contract_amendment table: the dated, numbered changes of active contracts. */
@Injectable()
export class ContractAmendmentRepository {
  /** A contract's amendments, in order. */
  forContract(tx: Transaction, contractId: string): Promise<ContractAmendmentEntity[]> {
    return tx.manager.find(ContractAmendmentEntity, { where: { contractId }, order: { number: 'ASC' } });
  }

  /** The number the contract's next amendment gets (the contract row is locked by then). */
  async nextNumber(tx: Transaction, contractId: string): Promise<number> {
    const [{ next }] = await tx.manager.query<[{ next: number }]>(
      `SELECT coalesce(max(number), 0) + 1 AS next FROM contract_amendment WHERE contract_id = $1`,
      [contractId],
    );
    return next;
  }

  insert(tx: Transaction, parties: ContractChild, amendment: NewAmendment): Promise<ContractAmendmentEntity> {
    return tx.manager.save(
      ContractAmendmentEntity,
      tx.manager.create(ContractAmendmentEntity, { ...parties, ...amendment }),
    );
  }
}
