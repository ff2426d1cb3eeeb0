import { Injectable } from '@nestjs/common';
import { ContractsReader } from '@wmo/contracts';
import type { Transaction } from '@wmo/tenancy';
import { DocumentFileRepository } from './document-file.repository';
import { DocumentsRepository } from './documents.repository';
import { needsLegalBasis, Printable, toPrintables } from './documents.mapper';
import { renderDocumentPdf } from './invoice-pdf';
import { InvoiceLineRepository } from './invoice-line.repository';

/** Reads documents ready to render, and renders and stores their PDFs. */
@Injectable()
export class DocumentPdfs {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly lines: InvoiceLineRepository,
    private readonly files: DocumentFileRepository,
    private readonly contracts: ContractsReader,
  ) {}

  /** Documents with their lines, ready to render, in the order of `ids`: three queries for any number of documents. */
  async printables(tx: Transaction, ids: readonly string[]): Promise<Printable[]> {
    if (ids.length === 0) return [];
    const rows = await readPrintableRows(tx, ids, this.documents, this.lines);
    // Documents issued before the contract snapshot kept the legal basis read it from the duty.
    const legalBases = needsLegalBasis(rows.documents)
      ? new Map((await this.contracts.duties(tx)).map((duty) => [duty.code, duty.legalBasis]))
      : new Map<string, string>();
    return toPrintables(ids, rows, legalBases);
  }

  /**
   * A document's PDF: the stored one, or rendered now. Stored only when `store` (row-level
   * security lets the issuer and the operator write document files; a customer who is first to
   * ask gets it rendered, and the worker stores it).
   */
  async pdf(tx: Transaction, id: string, store: boolean): Promise<Buffer> {
    const stored = await this.files.pdfOf(tx, id);
    if (stored) return stored;
    const [printable] = await this.printables(tx, [id]);
    const pdf = await renderDocumentPdf(printable);
    if (store) await this.files.insert(tx, [{ documentId: id, pdf }]);
    return pdf;
  }

  /** Stores rendered PDFs in one statement (a PDF stored meanwhile is kept). */
  store(tx: Transaction, files: ReadonlyArray<{ documentId: string; pdf: Buffer }>): Promise<void> {
    return this.files.insert(tx, files);
  }
}

async function readPrintableRows(
  tx: Transaction,
  ids: readonly string[],
  documents: DocumentsRepository,
  lines: InvoiceLineRepository,
) {
  // One after another: a transaction's queries share one connection.
  const found = await documents.byIds(tx, ids);
  const ofDocuments = await lines.ofDocuments(tx, ids);
  const creditedIds = found
    .flatMap((d) => [d.creditedDocumentId, d.supplementsDocumentId, d.replacesDocumentId])
    .filter((id): id is string => !!id);
  const credited = await documents.byIds(tx, creditedIds);
  return { documents: found, lines: ofDocuments, credited };
}

/**
 * For the benchmark (scripts/bench-invoicing.ts), outside the Nest container: the documents of a
 * run ready to render. Their contract snapshots carry the legal basis; a document issued before
 * they did would show none here (the service reads it from the duty).
 */
export async function loadPrintables(tx: Transaction, ids: readonly string[]): Promise<Printable[]> {
  const rows = await readPrintableRows(tx, ids, new DocumentsRepository(), new InvoiceLineRepository());
  return toPrintables(ids, rows, new Map());
}
