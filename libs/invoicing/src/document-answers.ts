import { Injectable } from '@nestjs/common';
import { todayInAmsterdam } from '@wmo/domain';
import type { TenantTransaction, Transaction } from '@wmo/tenancy';
import type { InvoiceDocumentDto } from './dto/invoicing.dto';
import { DocumentsRepository, DocumentStatusRow } from './documents.repository';
import { toDocumentDtos } from './documents.mapper';
import type { InvoiceDocumentEntity } from './document.entities';
import { InvoiceLineRepository } from './invoice-line.repository';
import { documentNotFound } from './invoicing.errors';
import { assertMayCorrect } from './invoicing.rules';
import { PaymentRepository } from './payment.repository';

/** What the document services share: a document's status, a document as the API answers it, and the issuer's access for a correction. */
@Injectable()
export class DocumentAnswers {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly lines: InvoiceLineRepository,
    private readonly payments: PaymentRepository,
  ) {}

  /** A document's status today; a document the caller cannot see does not exist. */
  async status(tx: Transaction, id: string): Promise<DocumentStatusRow> {
    const status = await this.documents.status(tx, id, todayInAmsterdam());
    if (!status) throw documentNotFound(id);
    return status;
  }

  /** For a write: an issued document the caller may change (the issuing supplier's FINANCE or PROVIDER_ADMIN, or an operator). */
  async forCorrection(tx: TenantTransaction, id: string): Promise<InvoiceDocumentEntity> {
    const document = await this.documents.byId(tx, id);
    if (!document) throw documentNotFound(id);
    assertMayCorrect(tx.principal, document);
    return document;
  }

  async one(tx: Transaction, id: string): Promise<InvoiceDocumentDto> {
    const [dto] = await this.answer(tx, [await this.status(tx, id)]);
    return dto;
  }

  /** The documents of these status rows, in their order, with lines, credit notes and payments: five reads for any number. */
  async answer(tx: Transaction, statuses: readonly DocumentStatusRow[]): Promise<InvoiceDocumentDto[]> {
    if (statuses.length === 0) return [];
    const ids = statuses.map((row) => row.id);
    // One after another: a transaction's queries share one connection.
    const documents = await this.documents.byIds(tx, ids);
    const lines = await this.lines.ofDocuments(tx, ids);
    const payments = await this.payments.ofDocuments(tx, ids);
    const creditNotes = await this.documents.creditNotesOf(tx, ids);
    const credited = await this.documents.byIds(
      tx,
      documents.map((d) => d.creditedDocumentId).filter((id): id is string => !!id),
    );
    return toDocumentDtos(statuses, { documents, lines, payments, creditNotes, credited });
  }
}
