import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { inList } from '@wmo/common';
import { CentsColumn } from '@wmo/database';
import type { Cents } from '@wmo/domain';
import { RUN_STATUSES, RunStatus } from './invoicing.constants';

/** Refers to a contract by id and parties together (see ContractChild). */
export const contractParties = (name: string) =>
  JoinColumn([
    { name: 'contract_id', referencedColumnName: 'id', foreignKeyConstraintName: name },
    {
      name: 'contracting_organisation_id',
      referencedColumnName: 'contractingOrganisationId',
      foreignKeyConstraintName: name,
    },
    { name: 'supplier_id', referencedColumnName: 'supplierId', foreignKeyConstraintName: name },
  ]);

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
