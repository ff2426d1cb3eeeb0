import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CentsColumn } from '@wmo/database';
import type { Cents } from '@wmo/domain';
import { InvoiceDocumentEntity } from './invoice-document.entity';

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
