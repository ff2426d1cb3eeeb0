import { EntityManager } from 'typeorm';
import type { DocumentType } from './invoicing.entities';

const SEGMENT: Record<DocumentType, string> = { INVOICE: '', CREDIT_NOTE: 'CN-', ALLOCATION_STATEMENT: 'AS-' };

/** SEN-2025-000001, SEN-CN-2025-000001, SEN-AS-2025-000001 */
export function formatDocumentNumber(prefix: string, type: DocumentType, year: number, sequence: number): string {
  return `${prefix}-${SEGMENT[type]}${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Reserves `count` consecutive numbers for an issuer, document type and year, inside the caller's
 * transaction: the counter row stays locked until that transaction ends, and a rollback returns
 * the numbers, so numbers are unique and gapless (DOMAIN.md rule 6) also under concurrent runs.
 */
export async function reserveNumbers(
  manager: EntityManager,
  issuerId: string,
  type: DocumentType,
  year: number,
  count: number,
): Promise<number> {
  const [{ last }] = await manager.query<[{ last: number }]>(
    `INSERT INTO document_number_counter (issuer_id, document_type, year, last_number) VALUES ($1, $2, $3, $4)
     ON CONFLICT (issuer_id, document_type, year) DO UPDATE SET last_number = document_number_counter.last_number + EXCLUDED.last_number
     RETURNING last_number AS last`,
    [issuerId, type, year, count],
  );
  return last - count + 1;
}
