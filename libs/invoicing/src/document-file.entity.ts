import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InvoiceDocumentEntity } from './invoice-document.entity';

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
