/** The invoicing API's documents as the portal uses them (libs/invoicing/src/dto/invoicing.dto.ts). */
import { INVOICE_STATUS_LABELS } from '../../components/ui';
import { dateLong } from '../../format';

export type DocumentType = 'INVOICE' | 'CREDIT_NOTE' | 'ALLOCATION_STATEMENT';
export type DocumentStatus = 'OPEN' | 'PARTIALLY_PAID' | 'PAID' | 'OVERDUE' | 'CREDITED' | 'SETTLED_VIA_FUND';

export interface DocumentLine {
  lineNumber: number;
  municipalityCode: string | null;
  description: string;
  calculation: string;
  inhabitants: number;
  perInhabitant: string;
  period: { start: string; end: string };
  days: number;
  amountCents: number;
  approximationNote: string | null;
}

export interface DocumentRef {
  id: string;
  number: string;
  totalCents: number;
}

export interface Payment {
  id: string;
  amountCents: number;
  date: string;
  reference: string;
}

export interface InvoiceDocument {
  id: string;
  type: DocumentType;
  number: string;
  municipalityCode: string | null;
  contractId: string;
  contractReference: string;
  runId: string | null;
  period: { start: string; end: string };
  referenceDate: string;
  issueDate: string;
  /** Null for an allocation statement: nothing falls due. */
  dueDate: string | null;
  status: DocumentStatus;
  currency: string;
  subtotalCents: number;
  vatCents: number;
  totalCents: number;
  paidCents: number;
  creditedCents: number;
  outstandingCents: number;
  vatCategory: string;
  vatRate: string;
  vatExemptionReason: string | null;
  purchaseOrderNumber: string | null;
  supplierName: string;
  /** The contracting party in whose name an allocation statement is issued (the VNG); null otherwise. */
  issuerName: string | null;
  customerName: string;
  lines: DocumentLine[];
  creditNotes: DocumentRef[];
  credits: DocumentRef | null;
  payments: Payment[];
}

export interface DocumentTotals {
  netInvoicedCents: number;
  allocatedCents: number;
  paidCents: number;
  outstandingCents: number;
}

export interface DocumentPage {
  items: InvoiceDocument[];
  total: number;
  /** Over every document the filters match (all pages). */
  totals: DocumentTotals;
  page: number;
  limit: number;
}

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  INVOICE: 'Factuur',
  CREDIT_NOTE: 'Creditnota',
  ALLOCATION_STATEMENT: 'Opgave uitname gemeentefonds',
};

/** The statuses to filter on, in the words of their badges. */
export const STATUS_OPTIONS = (
  ['OPEN', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'CREDITED', 'SETTLED_VIA_FUND'] as const
).map((status): [DocumentStatus, string] => [status, INVOICE_STATUS_LABELS[status].label]);

/** "1 januari 2025 t/m 31 december 2025" */
export function periodText(from: string, to: string): string {
  return `${dateLong(from)} t/m ${dateLong(to)}`;
}
