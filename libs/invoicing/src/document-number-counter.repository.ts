import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';
import type { DocumentType } from './invoicing.constants';

/** The document_number_counter table: the last number per issuer, document type and year. */
@Injectable()
export class DocumentNumberCounterRepository {
  /**
   * Reserves `count` consecutive numbers for an issuer, document type and year, inside the caller's
   * transaction; answers the first. The counter row stays locked until that transaction ends, and a
   * rollback returns the numbers, so numbers are unique and gapless (DOMAIN.md rule 6) also under
   * concurrent runs.
   */
  async reserve(tx: Transaction, issuerId: string, type: DocumentType, year: number, count: number): Promise<number> {
    const [{ last }] = await tx.manager.query<[{ last: number }]>(
      `INSERT INTO document_number_counter (issuer_id, document_type, year, last_number) VALUES ($1, $2, $3, $4)
       ON CONFLICT (issuer_id, document_type, year) DO UPDATE SET last_number = document_number_counter.last_number + EXCLUDED.last_number
       RETURNING last_number AS last`,
      [issuerId, type, year, count],
    );
    return last - count + 1;
  }
}
