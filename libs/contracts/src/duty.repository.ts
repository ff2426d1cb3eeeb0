import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';
import { DutyEntity } from './catalogue.entities';

/** The duty table: the legal duties this platform knows (written by migrations only). */
@Injectable()
export class DutyRepository {
  /** Every duty, by code. */
  all(tx: Transaction): Promise<DutyEntity[]> {
    return tx.manager.find(DutyEntity, { order: { code: 'ASC' } });
  }

  /** Every duty, by name (the Wmo listening ear first). */
  allByName(tx: Transaction): Promise<DutyEntity[]> {
    return tx.manager.find(DutyEntity, { order: { name: 'ASC' } });
  }

  findByCode(tx: Transaction, code: string): Promise<DutyEntity | null> {
    return tx.manager.findOneBy(DutyEntity, { code });
  }
}
