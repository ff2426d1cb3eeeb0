/**
 * Issued documents as the database holds them, for the golden specs: an invoice whose lines are in
 * the old form (description and calculation packed into `description` as `description | calculation`,
 * `calculation` null), a credit note on it, and an allocation statement. The goldens next to this
 * file (`*.pdf`, `*.xml`, `*.json`) were produced from these rows by the code as it was before
 * `invoice_line.calculation` existed; the specs prove that today's code reproduces them exactly,
 * from the old form and from the same lines in the new form.
 */
export interface StoredDocument {
  id: string;
  type: 'INVOICE' | 'CREDIT_NOTE' | 'ALLOCATION_STATEMENT';
  number: string;
  runId: string | null;
  contractId: string;
  contractingOrganisationId: string;
  supplierId: string;
  customerOrganisationId: string;
  municipalityCode: string | null;
  creditedDocumentId: string | null;
  periodStart: string;
  periodEnd: string;
  referenceDate: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  subtotalCents: number;
  vatCents: number;
  totalCents: number;
  vatCategory: string;
  vatRate: string;
  vatExemptionReason: string | null;
  purchaseOrderNumber: string | null;
  paymentTermDays: number;
  note: string | null;
  supplierSnapshot: {
    name: string;
    kvkNumber: string | null;
    vatId?: string | null;
    iban?: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    countryCode: string;
    email: string | null;
    oin?: string | null;
  };
  customerSnapshot: StoredDocument['supplierSnapshot'];
  contractSnapshot: { reference: string; title: string; fundingModel: string; dutyCode: string; legalBasis?: string };
  createdAt: Date;
}

/** A line in the old form: `description` holds `description | calculation`. */
export interface StoredLine {
  id: string;
  documentId: string;
  lineNumber: number;
  municipalityCode: string | null;
  description: string;
  inhabitants: number;
  perInhabitant: string;
  periodStart: string;
  periodEnd: string;
  days: number;
  daysInYear: number;
  amountCents: number;
  approximationNote: string | null;
  creditsLineNumber: number | null;
}

export interface StoredPayment {
  id: string;
  documentId: string;
  supplierId: string;
  amountCents: number;
  paidOn: string;
  reference: string;
  recordedByUserId: string | null;
  createdAt: Date;
}

const SUPPLIER = {
  name: 'Stichting Sensoor',
  kvkNumber: '41150545',
  vatId: 'NL002230884B01',
  iban: 'NL28INGB0000000001',
  street: 'Postbus 1',
  postalCode: '3500 AA',
  city: 'Utrecht',
  countryCode: 'NL',
  email: 'facturen@sensoor.nl',
};
/** The customer Gemeente Assen as an issued document holds it. */
export const ASSEN_CUSTOMER = {
  name: 'Gemeente Assen',
  kvkNumber: null,
  oin: '00000001001234567000',
  street: 'Noordersingel 33',
  postalCode: '9401 JW',
  city: 'Assen',
  countryCode: 'NL',
  email: 'facturen@assen.nl',
};
export const PARTIES = {
  contractId: '7a0c1e52-0000-4000-8000-000000000001',
  contractingOrganisationId: '7a0c1e52-0000-4000-8000-000000000002',
  supplierId: '7a0c1e52-0000-4000-8000-000000000003',
};
const CONTRACT = {
  reference: 'VNG-SEN-2018',
  title: 'Collectieve inkoop Luisterend oor 2018-2025',
  fundingModel: 'DIRECT_INVOICE',
  dutyCode: 'WMO2015_2_2_4_1B',
};

export const INVOICE_ID = '7a0c1e52-0000-4000-8000-0000000000a1';
export const CREDIT_NOTE_ID = '7a0c1e52-0000-4000-8000-0000000000a2';
export const ALLOCATION_ID = '7a0c1e52-0000-4000-8000-0000000000a3';

/** The duty table's legal basis: documents issued before the snapshot kept it (the invoice below) read it there. */
export const DUTY_LEGAL_BASES = [{ code: 'WMO2015_2_2_4_1B', legalBasis: 'Wmo 2015 art. 2.2.4 lid 1 onder b' }];

export const STORED_DOCUMENTS: StoredDocument[] = [
  {
    id: INVOICE_ID,
    type: 'INVOICE',
    number: 'SEN-2025-000042',
    runId: '7a0c1e52-0000-4000-8000-0000000000b1',
    ...PARTIES,
    customerOrganisationId: '7a0c1e52-0000-4000-8000-000000000004',
    municipalityCode: 'GM0106',
    creditedDocumentId: null,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    referenceDate: '2024-01-01',
    issueDate: '2025-03-14',
    dueDate: '2025-04-13',
    currency: 'EUR',
    subtotalCents: 2_137_301,
    vatCents: 448_833,
    totalCents: 2_586_134,
    vatCategory: 'S',
    vatRate: '21.00',
    vatExemptionReason: null,
    purchaseOrderNumber: '4500012345',
    paymentTermDays: 30,
    note: 'Toelichting inwonertal: Het inwonertal van de gesplitste gemeente is benaderd naar rato.',
    supplierSnapshot: SUPPLIER,
    customerSnapshot: ASSEN_CUSTOMER,
    // Issued before the snapshot kept the legal basis: read from the duty.
    contractSnapshot: CONTRACT,
    createdAt: new Date('2025-03-14T09:00:00Z'),
  },
  {
    id: CREDIT_NOTE_ID,
    type: 'CREDIT_NOTE',
    number: 'SEN-CN-2025-000003',
    runId: null,
    ...PARTIES,
    customerOrganisationId: '7a0c1e52-0000-4000-8000-000000000004',
    municipalityCode: 'GM0106',
    creditedDocumentId: INVOICE_ID,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    referenceDate: '2024-01-01',
    issueDate: '2025-05-02',
    dueDate: '2025-05-02',
    currency: 'EUR',
    subtotalCents: 964_086,
    vatCents: 202_458,
    totalCents: 1_166_544,
    vatCategory: 'S',
    vatRate: '21.00',
    vatExemptionReason: null,
    purchaseOrderNumber: '4500012345',
    paymentTermDays: 30,
    note: 'Creditnota op SEN-2025-000042: Inwonertal gecorrigeerd',
    supplierSnapshot: SUPPLIER,
    customerSnapshot: ASSEN_CUSTOMER,
    contractSnapshot: { ...CONTRACT, legalBasis: 'Wmo 2015 art. 2.2.4 lid 1 onder b' },
    createdAt: new Date('2025-05-02T10:00:00Z'),
  },
  {
    id: ALLOCATION_ID,
    type: 'ALLOCATION_STATEMENT',
    number: 'SEN-AS-2016-000386',
    runId: '7a0c1e52-0000-4000-8000-0000000000b2',
    ...PARTIES,
    customerOrganisationId: '7a0c1e52-0000-4000-8000-000000000005',
    municipalityCode: 'GM1966',
    creditedDocumentId: null,
    periodStart: '2016-01-01',
    periodEnd: '2016-12-31',
    referenceDate: '2015-01-01',
    issueDate: '2016-02-01',
    dueDate: '2016-03-02',
    currency: 'EUR',
    subtotalCents: 1_234_567,
    vatCents: 0,
    totalCents: 1_234_567,
    vatCategory: 'O',
    vatRate: '0.00',
    vatExemptionReason: 'Niet onderworpen: uitname gemeentefonds',
    purchaseOrderNumber: null,
    paymentTermDays: 30,
    note: null,
    supplierSnapshot: { ...SUPPLIER, vatId: null },
    customerSnapshot: {
      name: 'Gemeente Het Hogeland',
      kvkNumber: null,
      oin: null,
      street: null,
      postalCode: null,
      city: null,
      countryCode: 'NL',
      email: null,
    },
    contractSnapshot: {
      reference: 'VNG-SEN-2015',
      title: 'Collectieve inkoop Luisterend oor 2015-2017',
      fundingModel: 'FUND_WITHHOLDING',
      dutyCode: 'WMO2015_2_2_4_1B',
      legalBasis: 'Wmo 2015 art. 2.2.4 lid 1 onder b',
    },
    createdAt: new Date('2016-02-01T08:00:00Z'),
  },
];
