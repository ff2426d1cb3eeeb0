import { Inject, Injectable } from '@nestjs/common';
import { UnscopedDatabase } from '@wmo/tenancy';
import { DocumentPdfs } from './document-pdfs';
import { renderDocumentPdf } from './invoice-pdf';
import { InvoiceRunRepository } from './invoice-run.repository';
import { INVOICING_OPTIONS, InvoicingOptions } from './invoicing.options';

/**
 * A run's PDFs, rendered after the transaction that issued the documents (rendering again is
 * always possible), so that the number counter is never locked while pdfkit works.
 */
@Injectable()
export class RunPdfs {
  constructor(
    private readonly unscoped: UnscopedDatabase,
    private readonly pdfs: DocumentPdfs,
    private readonly runs: InvoiceRunRepository,
    @Inject(INVOICING_OPTIONS) private readonly options: InvoicingOptions,
  ) {}

  /** Renders a batch of documents and stores the PDFs in one statement. */
  async renderAndStore(documentIds: readonly string[]): Promise<void> {
    if (documentIds.length === 0) return;
    const printables = await this.unscoped.unscopedSystemTransaction((tx) => this.pdfs.printables(tx, documentIds));
    const files: Array<{ documentId: string; pdf: Buffer }> = [];
    for (const printable of printables)
      files.push({ documentId: printable.id, pdf: await renderDocumentPdf(printable) });
    await this.unscoped.unscopedSystemTransaction((tx) => this.pdfs.store(tx, files));
  }

  /** After a resume: documents issued by a worker that died before it rendered them, a batch at a time. */
  async renderMissing(runId: string): Promise<void> {
    for (;;) {
      const missing = await this.unscoped.unscopedSystemTransaction((tx) =>
        this.runs.documentsWithoutPdf(tx, runId, this.options.batchSize),
      );
      if (missing.length === 0) return;
      await this.renderAndStore(missing);
    }
  }
}
