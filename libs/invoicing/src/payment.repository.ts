import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Cents, IsoDate } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { PaymentEntity } from './document.entities';

export interface NewPayment {
  documentId: string;
  supplierId: string;
  amountCents: Cents;
  paidOn: IsoDate;
  reference: string;
  recordedByUserId: string | null;
}

/** The payment table: payments received on invoices (append-only). */
@Injectable()
export class PaymentRepository {
  /** The payments on these documents, in the order they were paid (and recorded). */
  ofDocuments(tx: Transaction, documentIds: readonly string[]): Promise<PaymentEntity[]> {
    if (documentIds.length === 0) return Promise.resolve([]);
    return tx.manager.find(PaymentEntity, {
      where: { documentId: In([...documentIds]) },
      order: { paidOn: 'ASC', createdAt: 'ASC' },
    });
  }

  async insert(tx: Transaction, payment: NewPayment): Promise<void> {
    await tx.manager.insert(PaymentEntity, payment);
  }
}
