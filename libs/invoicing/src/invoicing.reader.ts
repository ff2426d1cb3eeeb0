import { Injectable } from '@nestjs/common';
import { IsoDate, todayInAmsterdam } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { DocumentsRepository, DocumentSummary, OverdueInvoice } from './documents.repository';

/**
 * What other libraries (compliance) read of invoicing. Every method runs in the transaction it is
 * given, so row-level security is that transaction's: a tenant transaction sees the caller's
 * documents, a platform transaction (the daily evaluation) all of them.
 */
@Injectable()
export class InvoicingReader {
  constructor(private readonly documents: DocumentsRepository = new DocumentsRepository()) {}

  /**
   * The documents about one municipality whose billed period starts in `year`, with their status
   * today, by issue date and number. Central invoices (to the contracting party, a line per
   * municipality) are not about one municipality and are not included.
   */
  documentsForMunicipalityYear(tx: Transaction, code: string, year: number): Promise<DocumentSummary[]> {
    return this.documents.forMunicipalityYear(tx, code, year, todayInAmsterdam());
  }

  /** Invoices past their due date on `day` with something outstanding (status OVERDUE), by due date and number. */
  overdueInvoices(tx: Transaction, day: IsoDate): Promise<OverdueInvoice[]> {
    return this.documents.overdue(tx, day);
  }
}
