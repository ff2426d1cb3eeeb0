export const DOCUMENT_TYPES = ['INVOICE', 'CREDIT_NOTE', 'ALLOCATION_STATEMENT'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RUN_KINDS = ['INVOICE', 'CORRECTION'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
/** SETTLED_VIA_FUND: an allocation statement, settled through the withholding from the municipal fund (never paid). */
export const DOCUMENT_STATUSES = ['OPEN', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'CREDITED', 'SETTLED_VIA_FUND'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** In the words of the portal's badges and filters (and of the exports made for Dutch readers). */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  INVOICE: 'Factuur',
  CREDIT_NOTE: 'Creditnota',
  ALLOCATION_STATEMENT: 'Opgave uitname gemeentefonds',
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  OPEN: 'Openstaand',
  PARTIALLY_PAID: 'Deels betaald',
  PAID: 'Betaald',
  OVERDUE: 'Vervallen',
  CREDITED: 'Gecrediteerd',
  SETTLED_VIA_FUND: 'Verrekend via gemeentefonds',
};

/** A party (supplier or customer) as it was when a document was issued: the document must not change when the party does. */
export interface PartySnapshot {
  name: string;
  kvkNumber: string | null;
  vatId?: string | null;
  oin?: string | null;
  iban?: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string;
  email: string | null;
}

/** The contract as it was when a document was issued. */
export interface ContractSnapshot {
  reference: string;
  title: string;
  fundingModel: string;
  dutyCode: string;
  /** The duty's at issue (documents issued before it was kept have none: the duty has it). */
  legalBasis?: string;
}
