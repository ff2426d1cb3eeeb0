// The issued-document tables: a document (invoice or credit note), its lines, the payments
// received on it and its rendered PDF. Documents and lines are immutable once issued.
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { inList } from '@wmo/common';
import { CentsColumn } from '@wmo/database';
import type { Cents } from '@wmo/domain';
import { ContractSnapshot, DOCUMENT_TYPES, DocumentType, PartySnapshot } from './invoicing.constants';
import { contractParties, InvoiceRunEntity } from './run.entities';

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

  /** For a supplementary invoice (a correction run's): the invoice it adds to. */
  @Column({ name: 'supplements_document_id', type: 'uuid', nullable: true })
  supplementsDocumentId: string | null;

  @ManyToOne(() => InvoiceDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplements_document_id', foreignKeyConstraintName: 'invoice_document_supplements_fk' })
  supplementsDocument?: InvoiceDocumentEntity;

  /** For a replacement invoice: the invoice it replaces (credited in full in the same transaction); one replacement per invoice. */
  @Index('invoice_document_replaces_key', { unique: true, where: 'replaces_document_id IS NOT NULL' })
  @Column({ name: 'replaces_document_id', type: 'uuid', nullable: true })
  replacesDocumentId: string | null;

  @ManyToOne(() => InvoiceDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replaces_document_id', foreignKeyConstraintName: 'invoice_document_replaces_fk' })
  replacesDocument?: InvoiceDocumentEntity;

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

  /**
   * The party in whose name an allocation statement is issued: the contracting party that arranges
   * the withholding from the municipal fund (the VNG), numbered in its own series. Null for
   * invoices and credit notes (the supplier issues those), and for statements issued before.
   */
  @Column({ name: 'issuer_snapshot', type: 'jsonb', nullable: true })
  issuerSnapshot: PartySnapshot | null;

  @Column({ name: 'customer_snapshot', type: 'jsonb' })
  customerSnapshot: PartySnapshot;

  @Column({ name: 'contract_snapshot', type: 'jsonb' })
  /** `legalBasis` is the duty's at issue (documents issued before it was kept have none: the duty table has it). */
  contractSnapshot: ContractSnapshot;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A line of an issued document (immutable with it). */
@Entity({ name: 'invoice_line' })
@Unique('invoice_line_number_key', ['documentId', 'lineNumber'])
export class InvoiceLineEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => InvoiceDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'invoice_line_document_fk' })
  document?: InvoiceDocumentEntity;

  @Column({ name: 'line_number', type: 'smallint' })
  lineNumber: number;

  @Column({ name: 'municipality_code', type: 'varchar', length: 6, nullable: true })
  municipalityCode: string | null;

  /**
   * What is charged. Lines issued before `calculation` existed hold both here, as
   * `description | calculation`: read every line through `lineText` (invoice-line.rules.ts).
   */
  @Column({ name: 'description', type: 'varchar', length: 500 })
  description: string;

  /** How the amount follows (inhabitants x tariff x days); null on lines issued before this column existed. */
  @Column({ name: 'calculation', type: 'varchar', length: 500, nullable: true })
  calculation: string | null;

  @Column({ name: 'inhabitants', type: 'integer' })
  inhabitants: number;

  @Column({ name: 'per_inhabitant', type: 'numeric', precision: 10, scale: 4 })
  perInhabitant: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ name: 'days', type: 'smallint' })
  days: number;

  @Column({ name: 'days_in_year', type: 'smallint' })
  daysInYear: number;

  @CentsColumn({ name: 'amount_cents' })
  amountCents: Cents;

  /** Set when the inhabitants rest on a split with no known share (DOMAIN.md rule 3). */
  @Column({ name: 'approximation_note', type: 'text', nullable: true })
  approximationNote: string | null;

  /** On a credit note: the line of the credited invoice that this line credits. */
  @Column({ name: 'credits_line_number', type: 'smallint', nullable: true })
  creditsLineNumber: number | null;
}

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

/** The rendered PDF of a document; can be rendered again from the document at any time. */
@Entity({ name: 'document_file' })
export class DocumentFileEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => InvoiceDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'document_file_document_fk' })
  document?: InvoiceDocumentEntity;

  @Column({ name: 'pdf', type: 'bytea' })
  pdf: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
