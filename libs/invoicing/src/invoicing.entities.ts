import { inList } from '@wmo/common';
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

/** Refers to a contract by id and parties together (see ContractChild). */
const contractParties = (name: string) =>
  JoinColumn([
    { name: 'contract_id', referencedColumnName: 'id', foreignKeyConstraintName: name },
    {
      name: 'contracting_organisation_id',
      referencedColumnName: 'contractingOrganisationId',
      foreignKeyConstraintName: name,
    },
    { name: 'supplier_id', referencedColumnName: 'supplierId', foreignKeyConstraintName: name },
  ]);

export const DOCUMENT_TYPES = ['INVOICE', 'CREDIT_NOTE', 'ALLOCATION_STATEMENT'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const DOCUMENT_STATUSES = ['OPEN', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'CREDITED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** What a municipality wants on its invoices. */
@Entity({ name: 'billing_details' })
@Check('billing_details_oin', `oin IS NULL OR oin ~ '^[0-9]{20}$'`)
@Check('billing_details_kvk', `kvk_number IS NULL OR kvk_number ~ '^[0-9]{8}$'`)
export class BillingDetailsEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne('OrganisationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'billing_details_organisation_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly organisation?: never;

  /** Organisatie-identificatienummer (20 digits), the e-invoice address (scheme 0190). */
  @Column({ name: 'oin', type: 'varchar', length: 20, nullable: true })
  oin: string | null;

  @Column({ name: 'kvk_number', type: 'varchar', length: 8, nullable: true })
  kvkNumber: string | null;

  @Column({ name: 'street', type: 'varchar', length: 200, nullable: true })
  street: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 10, nullable: true })
  postalCode: string | null;

  @Column({ name: 'city', type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ name: 'invoice_email', type: 'varchar', length: 254, nullable: true })
  invoiceEmail: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** The purchase-order number a municipality wants quoted on the invoices of one contract and year. */
@Entity({ name: 'purchase_order' })
export class PurchaseOrderEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid', primaryKeyConstraintName: 'purchase_order_pk' })
  organisationId: string;

  @PrimaryColumn({ name: 'contract_id', type: 'uuid', primaryKeyConstraintName: 'purchase_order_pk' })
  contractId: string;

  @PrimaryColumn({ name: 'year', type: 'smallint', primaryKeyConstraintName: 'purchase_order_pk' })
  year: number;

  @Column({ name: 'number', type: 'varchar', length: 50 })
  number: string;

  @ManyToOne('OrganisationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'purchase_order_organisation_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly organisation?: never;

  @ManyToOne('ContractEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'purchase_order_contract_fk' })
  /** A foreign key only: read it through @wmo/contracts. */
  readonly contract?: never;
}

/** One invoice run: a contract and a period, executed once as a durable job. */
@Entity({ name: 'invoice_run' })
@Unique('invoice_run_period_key', ['contractId', 'periodStart', 'periodEnd'])
@Unique('invoice_run_idempotency_key', ['requestedByOrganisationId', 'idempotencyKey'])
@Check('invoice_run_status', `status IN (${inList(RUN_STATUSES)})`)
export class InvoiceRunEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ManyToOne('ContractEntity', { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @contractParties('invoice_run_contract_fk')
  /** A foreign key only: read it through @wmo/contracts. */
  readonly contract?: never;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ name: 'contracting_organisation_id', type: 'uuid' })
  contractingOrganisationId: string;

  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ name: 'reference_date', type: 'date' })
  referenceDate: string;

  @Column({ name: 'status', type: 'varchar', length: 20 })
  status: RunStatus;

  @Column({ name: 'progress_done', type: 'integer', default: 0 })
  progressDone: number;

  @Column({ name: 'progress_total', type: 'integer', default: 0 })
  progressTotal: number;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  /** SHA-256 of the request body, to tell a replay from a different request under the same key. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'requested_by_organisation_id', type: 'uuid' })
  requestedByOrganisationId: string;

  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @Column({ name: 'total_cents', type: 'bigint', default: 0 })
  totalCents: string;

  @Column({ name: 'document_count', type: 'integer', default: 0 })
  documentCount: number;

  @Column({ name: 'error', type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

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

  @Column({ name: 'subtotal_cents', type: 'bigint' })
  subtotalCents: string;

  @Column({ name: 'vat_cents', type: 'bigint' })
  vatCents: string;

  @Column({ name: 'total_cents', type: 'bigint' })
  totalCents: string;

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
  contractSnapshot: { reference: string; title: string; fundingModel: string; dutyCode: string; legalBasis?: string };

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export interface PartySnapshot {
  name: string;
  kvkNumber: string | null;
  vatId?: string | null;
  oin?: string | null;
  iban?: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string;
  email: string | null;
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

  @Column({ name: 'description', type: 'varchar', length: 500 })
  description: string;

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

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents: string;

  /** Set when the inhabitants rest on a split with no known share (DOMAIN.md rule 3). */
  @Column({ name: 'approximation_note', type: 'text', nullable: true })
  approximationNote: string | null;

  /** On a credit note: the line of the credited invoice that this line credits. */
  @Column({ name: 'credits_line_number', type: 'smallint', nullable: true })
  creditsLineNumber: number | null;
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

/**
 * The last number issued per issuer, document type and year. Incremented in the transaction that
 * issues the documents: a rollback returns the numbers, so there are no gaps (DOMAIN.md rule 6).
 */
@Entity({ name: 'document_number_counter' })
export class DocumentNumberCounterEntity {
  @PrimaryColumn({ name: 'issuer_id', type: 'uuid', primaryKeyConstraintName: 'document_number_counter_pk' })
  issuerId: string;

  @PrimaryColumn({
    name: 'document_type',
    type: 'varchar',
    length: 25,
    primaryKeyConstraintName: 'document_number_counter_pk',
  })
  documentType: string;

  @PrimaryColumn({ name: 'year', type: 'smallint', primaryKeyConstraintName: 'document_number_counter_pk' })
  year: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
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

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents: string;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ name: 'reference', type: 'varchar', length: 200 })
  reference: string;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const INVOICING_ENTITIES = [
  BillingDetailsEntity,
  PurchaseOrderEntity,
  InvoiceRunEntity,
  InvoiceDocumentEntity,
  InvoiceLineEntity,
  DocumentFileEntity,
  DocumentNumberCounterEntity,
  PaymentEntity,
];
