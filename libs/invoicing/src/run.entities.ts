// The invoice-run tables: a run (one contract and period, executed as a job), and what runs read
// and keep: municipalities' billing details and purchase orders, and the document number counters.
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
import { CentsColumn, CompositeJoinColumn } from '@wmo/database';
import type { Cents } from '@wmo/domain';
import { RUN_KINDS, RUN_STATUSES, RunKind, RunStatus } from './invoicing.constants';

/** Refers to a contract by id and parties together (see ContractChild). */
export const contractParties = (name: string) =>
  CompositeJoinColumn(name, {
    contract_id: 'id',
    contracting_organisation_id: 'contractingOrganisationId',
    supplier_id: 'supplierId',
  });

/** One invoice run: a contract and a period, executed once as a durable job. */
@Entity({ name: 'invoice_run' })
@Index('invoice_run_period_key', ['contractId', 'periodStart', 'periodEnd'], {
  unique: true,
  where: `kind = 'INVOICE'`,
})
@Unique('invoice_run_idempotency_key', ['requestedByOrganisationId', 'idempotencyKey'])
@Check('invoice_run_status', `status IN (${inList(RUN_STATUSES)})`)
@Check('invoice_run_kind', `kind IN (${inList(RUN_KINDS)})`)
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

  /** INVOICE: the period's documents, once; CORRECTION: credit notes and supplementary invoices for the differences since. */
  @Column({ name: 'kind', type: 'varchar', length: 20, default: 'INVOICE' })
  kind: RunKind;

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

  @CentsColumn({ name: 'total_cents', default: 0 })
  totalCents: Cents;

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

/**
 * A customer an invoice run did not invoice because its billing details lack what a lawful invoice
 * needs (art. 35a Wet OB: the customer's name and address; DOMAIN.md rule 8). The row goes when the
 * customer's document is issued (POST /invoice-runs/{id}/release-held); allocation statements are
 * never held.
 */
@Entity({ name: 'invoice_run_held' })
export class InvoiceRunHeldEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid', primaryKeyConstraintName: 'invoice_run_held_pk' })
  runId: string;

  @PrimaryColumn({ name: 'customer_organisation_id', type: 'uuid', primaryKeyConstraintName: 'invoice_run_held_pk' })
  customerOrganisationId: string;

  @ManyToOne(() => InvoiceRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'invoice_run_held_run_fk' })
  readonly run?: never;

  @ManyToOne('OrganisationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_organisation_id', foreignKeyConstraintName: 'invoice_run_held_customer_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly customer?: never;

  /** The participant; null for the central invoice of a CENTRAL_INVOICE contract. */
  @Column({ name: 'municipality_code', type: 'varchar', length: 6, nullable: true })
  municipalityCode: string | null;

  /** The run's parties, for row-level security as on invoice_run. */
  @Column({ name: 'contracting_organisation_id', type: 'uuid' })
  contractingOrganisationId: string;

  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  /** What the details lacked when the run held the customer (see customerGaps). */
  @Column({ name: 'missing', type: 'varchar', length: 30, array: true })
  missing: string[];

  @Column({ name: 'held_at', type: 'timestamptz', default: () => 'now()' })
  heldAt: Date;
}

/**
 * An Idempotency-Key as its organisation first used it for a run request: bound to that request
 * (its hash) and to the run it was answered with, a new run or the existing run of the period.
 * The same key with another request is refused for ever after.
 */
@Entity({ name: 'run_request' })
export class RunRequestEntity {
  @PrimaryColumn({ name: 'requested_by_organisation_id', type: 'uuid', primaryKeyConstraintName: 'run_request_pk' })
  requestedByOrganisationId: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 200, primaryKeyConstraintName: 'run_request_pk' })
  idempotencyKey: string;

  /** SHA-256 of the request (kind, contract and period). */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** The run the request was answered with; null only inside the transaction that binds the key. */
  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  @ManyToOne(() => InvoiceRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'run_request_run_fk' })
  readonly run?: never;

  /** Whether the request made the run (202) or was answered with the existing one (200). */
  @Column({ name: 'created_run', type: 'boolean', default: false })
  createdRun: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

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
