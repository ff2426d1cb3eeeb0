import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';

/** The document_file table: a document's rendered PDF, stored once (append-only). */
@Injectable()
export class DocumentFileRepository {
  async pdfOf(tx: Transaction, documentId: string): Promise<Buffer | null> {
    const [stored] = await tx.manager.query<Array<{ pdf: Buffer }>>(
      `SELECT pdf FROM document_file WHERE document_id = $1`,
      [documentId],
    );
    return stored?.pdf ?? null;
  }

  /** Stores PDFs, one statement for any number; a PDF stored meanwhile (another reader rendered it too) is kept. */
  async insert(tx: Transaction, files: ReadonlyArray<{ documentId: string; pdf: Buffer }>): Promise<void> {
    if (files.length === 0) return;
    await tx.manager.query(
      `INSERT INTO document_file (document_id, pdf) SELECT * FROM unnest($1::uuid[], $2::bytea[]) ON CONFLICT (document_id) DO NOTHING`,
      [files.map((f) => f.documentId), files.map((f) => f.pdf)],
    );
  }
}
