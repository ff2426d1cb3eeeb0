import { Column, Entity, PrimaryColumn } from 'typeorm';

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
