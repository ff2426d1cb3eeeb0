import { Injectable } from '@nestjs/common';
import { todayInAmsterdam } from '@wmo/domain';
import { ScopedDatabase } from '@wmo/tenancy';
import type {
  DocumentFilterQuery,
  DocumentPageDto,
  DocumentSummaryDto,
  DocumentSummaryQuery,
  InvoiceDocumentDto,
  ListDocumentsQuery,
} from './dto/invoicing.dto';
import { DocumentAnswers } from './document-answers';
import { DocumentPdfs } from './document-pdfs';
import { DocumentFilter, DocumentsRepository } from './documents.repository';
import { InvoiceRunRepository } from './invoice-run.repository';
import { documentNotFound, InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import { mayStorePdf } from './invoicing.rules';
import { buildUbl, UblProfile, ublGaps } from './ubl';

/** Documents of a run per transaction in the ZIP download. */
const ZIP_PAGE = 100;

function documentFilter(query: DocumentFilterQuery): DocumentFilter {
  return {
    year: query.year,
    periodYear: query.periodYear,
    type: query.type,
    municipality: query.municipality,
    contract: query.contract,
    run: query.run,
    status: query.status,
    q: query.q,
  };
}

/** Reading documents: the list with its totals, one document, its PDF, a run's PDFs and the e-invoice. */
@Injectable()
export class DocumentQueriesService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly documents: DocumentsRepository,
    private readonly runs: InvoiceRunRepository,
    private readonly answers: DocumentAnswers,
    private readonly pdfs: DocumentPdfs,
  ) {}

  list(query: ListDocumentsQuery): Promise<DocumentPageDto> {
    return this.db.transaction(async (tx) => {
      const filter = documentFilter(query);
      const rows = await this.documents.page(tx, filter, query, todayInAmsterdam());
      const items = await this.answers.answer(tx, rows);
      const { total, ...totals } = await this.documents.totals(tx, filter, todayInAmsterdam());
      return { items, total, totals, page: query.page, limit: query.limit };
    });
  }

  /** Paid, open and overdue per year over the invoices the list's filters select (a chart's figures). */
  summary(query: DocumentSummaryQuery): Promise<DocumentSummaryDto> {
    return this.db.transaction(async (tx) => {
      const years = await this.documents.yearSummary(tx, documentFilter(query), query.by, todayInAmsterdam());
      return { by: query.by, years };
    });
  }

  get(id: string): Promise<InvoiceDocumentDto> {
    return this.db.transaction((tx) => this.answers.one(tx, id));
  }

  /** The stored PDF (rendered first if a worker did not get to it yet). */
  pdf(id: string): Promise<{ number: string; pdf: Buffer }> {
    return this.db.transaction(async (tx) => {
      const document = await this.documents.byId(tx, id);
      if (!document) throw documentNotFound(id);
      return {
        number: document.number,
        pdf: await this.pdfs.pdf(tx, id, mayStorePdf(tx.principal, document.supplierId)),
      };
    });
  }

  /** The PDFs of a run's documents you can see, in number order, a page per transaction (the ZIP download). */
  async *runPdfs(runId: string): AsyncGenerator<{ number: string; pdf: Buffer }> {
    let after = '';
    for (;;) {
      const page = await this.db.transaction(async (tx) => {
        const files: Array<{ number: string; pdf: Buffer }> = [];
        for (const row of await this.runs.documentPage(tx, runId, after, ZIP_PAGE))
          files.push({
            number: row.number,
            pdf: row.pdf ?? (await this.pdfs.pdf(tx, row.id, mayStorePdf(tx.principal, row.supplierId))),
          });
        return files;
      });
      if (page.length === 0) return;
      yield* page;
      after = page[page.length - 1].number;
    }
  }

  ubl(id: string, profile: UblProfile): Promise<{ number: string; xml: string }> {
    return this.db.transaction(async (tx) => {
      const [printable] = await this.pdfs.printables(tx, [id]);
      if (!printable) throw documentNotFound(id);
      if (printable.type === 'ALLOCATION_STATEMENT')
        throw new InvoicingError(
          InvoicingErrorCode.EInvoiceIncomplete,
          'An allocation statement is not an invoice: it has no e-invoice. Download its PDF.',
          { missing: ['not-an-invoice'] },
        );
      const gaps = ublGaps(printable);
      if (gaps.length)
        throw new InvoicingError(
          InvoicingErrorCode.EInvoiceIncomplete,
          `No valid e-invoice can be made: ${gaps.map((gap) => gap.text).join('; ')}. The PDF is available; complete the billing details and issue a credit note and a new invoice if an e-invoice is required.`,
          { gaps: gaps.map((gap) => gap.text), missing: gaps.map((gap) => gap.code) },
        );
      const pdf = await this.pdfs.pdf(tx, id, mayStorePdf(tx.principal, printable.supplierId));
      return { number: printable.number, xml: buildUbl({ ...printable, pdf }, profile) };
    });
  }
}
