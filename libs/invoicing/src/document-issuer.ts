import { Injectable } from '@nestjs/common';
import { Cents, yearOf } from '@wmo/domain';
import { EventPublisher } from '@wmo/notifications';
import { TenantTransaction, Transaction } from '@wmo/tenancy';
import { DocumentPdfs } from './document-pdfs';
import { DocumentNumberCounterRepository } from './document-number-counter.repository';
import { DocumentsRepository, DocumentTerms } from './documents.repository';
import { InvoiceLineRepository } from './invoice-line.repository';
import type { DocumentType, PartySnapshot } from './invoicing.constants';
import { mayStorePdf } from './invoicing.rules';
import { issuedEvent } from './issued-event';
import type { ChargedLine } from './invoice-line.rules';
import { formatDocumentNumber } from './numbering';

/** What every document of one issue shares: its type and number series, and the terms copied into each. */
export interface IssueTerms extends DocumentTerms {
  type: DocumentType;
  /** The series' prefix: SEN of SEN-2026-000001. Numbers are counted per issuer, type and issue year. */
  numberPrefix: string;
  /** Whose series: the supplier's unless given (an allocation statement's is the contracting party's). */
  numberIssuerId?: string;
}

/** A line to issue: its texts apart (never packed into one). */
export interface LineToIssue extends ChargedLine {
  /** On a credit note: the invoice line it credits. */
  creditsLineNumber: number | null;
}

/** One document to issue: its customer, its totals (from the rules) and its lines. */
export interface DocumentToIssue {
  customerOrganisationId: string;
  municipalityCode: string | null;
  customer: PartySnapshot;
  purchaseOrderNumber: string | null;
  note: string | null;
  /** For a credit note: the invoice it corrects. */
  credits: { id: string; number: string } | null;
  /** For a supplementary invoice: the invoice it adds to. */
  supplements?: { id: string; number: string } | null;
  /** For a replacement invoice: the invoice it replaces. */
  replaces?: { id: string; number: string } | null;
  subtotalCents: Cents;
  vatCents: Cents;
  lines: LineToIssue[];
}

export interface IssuedDocumentRef {
  id: string;
  number: string;
}

/**
 * Issues documents (a run's invoices and allocation statements, a credit note) in the caller's
 * transaction, so that they exist exactly when their numbers do and with them their event:
 * reserves consecutive numbers (gapless, DOMAIN.md rule 6), inserts the documents and their lines
 * (one statement each for any number), and writes `invoice.issued` for each customer through the
 * outbox. Documents are never changed afterwards.
 */
@Injectable()
export class DocumentIssuer {
  constructor(
    private readonly counters: DocumentNumberCounterRepository,
    private readonly documents: DocumentsRepository,
    private readonly lines: InvoiceLineRepository,
    private readonly pdfs: DocumentPdfs,
    private readonly publisher: EventPublisher,
  ) {}

  /**
   * With `renderPdfs` each document's PDF is rendered in the transaction too, and stored where the
   * caller may (a credit note); a run leaves that to after its transaction, so that the counter row
   * is locked only briefly.
   */
  async issue(
    tx: Transaction,
    terms: IssueTerms,
    documents: readonly DocumentToIssue[],
    options: { renderPdfs: boolean },
  ): Promise<IssuedDocumentRef[]> {
    if (documents.length === 0) return [];
    const year = yearOf(terms.issueDate);
    const issuerId = terms.numberIssuerId ?? terms.supplierId;
    const first = await this.counters.reserve(tx, issuerId, terms.type, year, documents.length);
    const numbered = documents.map((document, i) => ({
      document,
      number: formatDocumentNumber(terms.numberPrefix, terms.type, year, first + i),
    }));
    const inserted = await this.documents.insert(
      tx,
      terms,
      numbered.map(({ document, number }) => ({
        type: terms.type,
        number,
        customerOrganisationId: document.customerOrganisationId,
        municipalityCode: document.municipalityCode,
        creditedDocumentId: document.credits?.id ?? null,
        supplementsDocumentId: document.supplements?.id ?? null,
        replacesDocumentId: document.replaces?.id ?? null,
        subtotalCents: document.subtotalCents,
        vatCents: document.vatCents,
        purchaseOrderNumber: document.purchaseOrderNumber,
        note: document.note,
        customer: document.customer,
      })),
    );
    const idByNumber = new Map(inserted.map((row) => [row.number, row.id]));
    const issued = numbered.map(({ document, number }) => ({ document, number, id: idByNumber.get(number)! }));
    await this.lines.insert(
      tx,
      issued.flatMap(({ document, id }) =>
        document.lines.map((line, i) => ({ ...line, documentId: id, lineNumber: i + 1 })),
      ),
    );
    await this.publish(
      tx,
      issued.map(({ document, number, id }) =>
        issuedEvent({
          id,
          number,
          type: terms.type,
          ...(document.credits ? { credits: document.credits.number } : {}),
          customerOrganisationId: document.customerOrganisationId,
          municipalityCode: document.municipalityCode,
          contractReference: terms.contract.reference,
          period: { start: terms.periodStart, end: terms.periodEnd },
          issueDate: terms.issueDate,
          dueDate: terms.dueDate,
          subtotalCents: document.subtotalCents,
          vatCents: document.vatCents,
        }),
      ),
    );
    if (options.renderPdfs) {
      // Row-level security lets the issuer and the operator write document files; anyone else's PDF is rendered on request.
      const store = !(tx instanceof TenantTransaction) || mayStorePdf(tx.principal, terms.supplierId);
      for (const { id } of issued) await this.pdfs.pdf(tx, id, store);
    }
    return issued.map(({ id, number }) => ({ id, number }));
  }

  /**
   * The events go to the customers, whose webhooks a caller (the supplier crediting an invoice)
   * may not see: from a caller's transaction they are written as the platform, on the same
   * connection and in the same transaction, so they commit or roll back with the documents.
   */
  private async publish(tx: Transaction, events: ReturnType<typeof issuedEvent>[]): Promise<void> {
    if (tx instanceof TenantTransaction)
      await tx.unscopedWithin((platform) => this.publisher.publish(platform, events));
    else await this.publisher.publish(tx, events);
  }
}
