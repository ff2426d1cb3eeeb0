import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { inList } from '@wmo/common';
import { CentsColumn } from '@wmo/database';
import type { Cents } from '@wmo/domain';
import { ContractSnapshot, DOCUMENT_TYPES, DocumentType, PartySnapshot } from './invoicing.constants';
import { contractParties, InvoiceRunEntity } from './invoice-run.entity';

/** An issued document. Never updated or deleted (a trigger refuses it): corrections are credit notes. */
@Entity({ name: 'invoice_document' })
@Unique('invoice_document_number_key', ['supplierId', 'number'])
@Unique('invoice_document_run_participant_key', ['runId', 'municipalityCode', 'type'])
@Check('invoice_document_type', `type IN (${inList(DOCUMENT_TYPES)})`)
@Check(
  'invoice_document_amounts',
  `subtotal_cents >= 0 AND vat_cents >= 0 AND total_cents = subtotal_cents + vat_cents`,
)
@Index('invoice_document_municipality_idx', ['municipalityCode', 'issueDate'])
@Index('invoice_document_contract_idx', ['contractId', 'periodStart'])
@Index('invoice_document_credited_idx', ['creditedDocumentId'], { where: 'credited_document_id IS NOT NULL' })
export class InvoiceDocumentEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ManyToOne('ContractEntity', { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @contractParties('invoice_document_contract_fk')
  /** A foreign key only: read it through @wmo/contracts. */
  readonly contract?: never;

  @ManyToOne(() => InvoiceRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'invoice_document_run_fk' })
  run?: InvoiceRunEntity;

  @ManyToOne(() => InvoiceDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'credited_document_id', foreignKeyConstraintName: 'invoice_document_credited_fk' })
  creditedDocument?: InvoiceDocumentEntity;

  @ManyToOne('OrganisationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_organisation_id', foreignKeyConstraintName: 'invoice_document_customer_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly customer?: never;

  @Column({ name: 'type', type: 'varchar', length: 25 })
  type: DocumentType;

  @Column({ name: 'number', type: 'varchar', length: 40 })
  number: string;

  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ name: 'contracting_organisation_id', type: 'uuid' })
  contractingOrganisationId: string;

  /** The issuer: the supplier. */
  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @Column({ name: 'customer_organisation_id', type: 'uuid' })
  customerOrganisationId: string;

  /** The municipality concerned; null for a central invoice to the VNG. */
  @Column({ name: 'municipality_code', type: 'varchar', length: 6, nullable: true })
  municipalityCode: string | null;

  @Column({ name: 'credited_document_id', type: 'uuid', nullable: true })
  creditedDocumentId: string | null;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ name: 'reference_date', type: 'date' })
  referenceDate: string;

  @Column({ name: 'issue_date', type: 'date' })
  issueDate: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ name: 'currency', type: 'varchar', length: 3, default: 'EUR' })
  currency: string;

  @CentsColumn({ name: 'subtotal_cents' })
  subtotalCents: Cents;

  @CentsColumn({ name: 'vat_cents' })
  vatCents: Cents;

  @CentsColumn({ name: 'total_cents' })
  totalCents: Cents;

  @Column({ name: 'vat_category', type: 'varchar', length: 1 })
  vatCategory: string;

  @Column({ name: 'vat_rate', type: 'numeric', precision: 5, scale: 2 })
  vatRate: string;

  @Column({ name: 'vat_exemption_reason', type: 'varchar', length: 300, nullable: true })
  vatExemptionReason: string | null;

  @Column({ name: 'purchase_order_number', type: 'varchar', length: 50, nullable: true })
  purchaseOrderNumber: string | null;

  @Column({ name: 'payment_term_days', type: 'smallint' })
  paymentTermDays: number;

  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;

  /** The supplier and customer as they were at issue: the document must not change when they do. */
  @Column({ name: 'supplier_snapshot', type: 'jsonb' })
  supplierSnapshot: PartySnapshot;

  @Column({ name: 'customer_snapshot', type: 'jsonb' })
  customerSnapshot: PartySnapshot;

  @Column({ name: 'contract_snapshot', type: 'jsonb' })
  /** `legalBasis` is the duty's at issue (documents issued before it was kept have none: the duty table has it). */
  contractSnapshot: ContractSnapshot;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
