import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CentsColumn } from '@wmo/database';
import type { Cents } from '@wmo/domain';
import { InvoiceDocumentEntity } from './invoice-document.entity';

/** A payment received on a document. Append-only. */
@Entity({ name: 'payment' })
@Check('payment_positive', `amount_cents > 0`)
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Index('payment_document_idx')
  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => InvoiceDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'payment_document_fk' })
  document?: InvoiceDocumentEntity;

  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @CentsColumn({ name: 'amount_cents' })
  amountCents: Cents;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ name: 'reference', type: 'varchar', length: 200 })
  reference: string;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
