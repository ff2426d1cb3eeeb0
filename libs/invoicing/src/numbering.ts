import type { DocumentType } from './invoicing.constants';

const SEGMENT: Record<DocumentType, string> = { INVOICE: '', CREDIT_NOTE: 'CN-', ALLOCATION_STATEMENT: 'AS-' };

/**
 * SEN-2025-000001, SEN-CN-2025-000001, VNG-AS-2025-000001. The sequence comes from the counter
 * (DocumentNumberCounterRepository.reserve), in the transaction that issues the document.
 */
export function formatDocumentNumber(prefix: string, type: DocumentType, year: number, sequence: number): string {
  return `${prefix}-${SEGMENT[type]}${year}-${String(sequence).padStart(6, '0')}`;
}
