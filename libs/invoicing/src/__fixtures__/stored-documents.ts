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
const ASSEN = {
  name: 'Gemeente Assen',
  kvkNumber: null,
  oin: '00000001001234567000',
  street: 'Noordersingel 33',
  postalCode: '9401 JW',
  city: 'Assen',
  countryCode: 'NL',
  email: 'facturen@assen.nl',
};
const PARTIES = {
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
    customerSnapshot: ASSEN,
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
    customerSnapshot: ASSEN,
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

const LINE = {
  municipalityCode: 'GM0106',
  perInhabitant: '0.2500',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  days: 365,
  daysInYear: 365,
  approximationNote: null,
  creditsLineNumber: null,
};

export const STORED_LINES: StoredLine[] = [
  {
    ...LINE,
    id: '7a0c1e52-0000-4000-8000-0000000000c1',
    documentId: INVOICE_ID,
    lineNumber: 1,
    description:
      'Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-01-2025 t/m 30-06-2025: Assen (GM0106) | 69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500 x 181/365 dagen',
    inhabitants: 69_701,
    periodEnd: '2025-06-30',
    days: 181,
    amountCents: 864_086,
  },
  {
    ...LINE,
    id: '7a0c1e52-0000-4000-8000-0000000000c2',
    documentId: INVOICE_ID,
    lineNumber: 2,
    description:
      'Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-07-2025 t/m 31-12-2025: Assen (GM0106) | 69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2600 x 184/365 dagen (benadering, zie toelichting)',
    inhabitants: 69_701,
    perInhabitant: '0.2600',
    periodStart: '2025-07-01',
    days: 184,
    amountCents: 913_525,
    approximationNote: 'Het inwonertal van de gesplitste gemeente is benaderd naar rato.',
  },
  {
    // No calculation at all: the whole text is the description.
    ...LINE,
    id: '7a0c1e52-0000-4000-8000-0000000000c3',
    documentId: INVOICE_ID,
    lineNumber: 3,
    description: 'Eenmalige correctie inwonertal Assen 2024',
    inhabitants: 0,
    perInhabitant: '0.0000',
    amountCents: 1_000,
  },
  {
    // A second ' | ': every reader kept only the text up to it as the calculation.
    ...LINE,
    id: '7a0c1e52-0000-4000-8000-0000000000c4',
    documentId: INVOICE_ID,
    lineNumber: 4,
    description: 'Luisterend oor | Assen | 2025: 1.440 inwoners x EUR 0,2500',
    inhabitants: 1_440,
    amountCents: 358_690,
  },
  {
    ...LINE,
    id: '7a0c1e52-0000-4000-8000-0000000000d1',
    documentId: CREDIT_NOTE_ID,
    lineNumber: 1,
    description:
      'Creditering SEN-2025-000042 regel 1: Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-01-2025 t/m 30-06-2025: Assen (GM0106) | 69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500 x 181/365 dagen',
    inhabitants: 69_701,
    periodEnd: '2025-06-30',
    days: 181,
    amountCents: 864_086,
    creditsLineNumber: 1,
  },
  {
    ...LINE,
    id: '7a0c1e52-0000-4000-8000-0000000000d2',
    documentId: CREDIT_NOTE_ID,
    lineNumber: 2,
    description:
      'Creditering SEN-2025-000042 regel 2: Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-07-2025 t/m 31-12-2025: Assen (GM0106) | gedeeltelijk: EUR 1.000,00 van EUR 9.135,25',
    inhabitants: 69_701,
    perInhabitant: '0.2600',
    periodStart: '2025-07-01',
    days: 184,
    amountCents: 100_000,
    approximationNote: 'Het inwonertal van de gesplitste gemeente is benaderd naar rato.',
    creditsLineNumber: 2,
  },
  {
    ...LINE,
    id: '7a0c1e52-0000-4000-8000-0000000000e1',
    documentId: ALLOCATION_ID,
    lineNumber: 1,
    municipalityCode: 'GM1966',
    description:
      'Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-01-2016 t/m 31-12-2016: Het Hogeland (GM1966) | 47.812 inwoners (CBS, peildatum 01-01-2015) x EUR 0,2582',
    inhabitants: 47_812,
    perInhabitant: '0.2582',
    periodStart: '2016-01-01',
    periodEnd: '2016-12-31',
    days: 366,
    daysInYear: 366,
    amountCents: 1_234_507,
  },
  {
    ...LINE,
    id: '7a0c1e52-0000-4000-8000-0000000000e2',
    documentId: ALLOCATION_ID,
    lineNumber: 2,
    municipalityCode: 'GM1966',
    description: 'Afronding | ',
    inhabitants: 0,
    perInhabitant: '0.0000',
    periodStart: '2016-01-01',
    periodEnd: '2016-12-31',
    days: 366,
    daysInYear: 366,
    amountCents: 60,
  },
];

export const STORED_PAYMENTS: StoredPayment[] = [
  {
    id: '7a0c1e52-0000-4000-8000-0000000000f1',
    documentId: INVOICE_ID,
    supplierId: PARTIES.supplierId,
    amountCents: 100_000,
    paidOn: '2025-04-01',
    reference: 'Bankafschrift 2025-114',
    recordedByUserId: null,
    createdAt: new Date('2025-04-02T08:00:00Z'),
  },
];

/** The embedded PDF of the e-invoice goldens (fixed, so that the XML does not depend on the renderer). */
export const FIXED_PDF = Buffer.from('%PDF-1.3\n% golden fixture: not a real PDF\n%%EOF\n');

/** pdfkit writes the time of rendering (the info's CreationDate, an object of its own) and a file id
 * derived from it: both replaced by fixed values of the same length, so the offsets stay right. */
export function normalisePdf(pdf: Buffer): Buffer {
  return Buffer.from(
    pdf
      .toString('latin1')
      .replace(/\(D:\d{14}Z\)/g, '(D:20250101000000Z)')
      .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, (id) => id.replace(/[0-9a-f](?=[0-9a-f]*>)/g, '0')),
    'latin1',
  );
}

/**
 * The same lines in the new form, as a document issued today stores them: description and
 * calculation apart, with the texts the old form shows (written out, not split by code).
 */
export const NEW_FORM_TEXTS: Record<string, { description: string; calculation: string }> = {
  '7a0c1e52-0000-4000-8000-0000000000c1': {
    description: 'Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-01-2025 t/m 30-06-2025: Assen (GM0106)',
    calculation: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500 x 181/365 dagen',
  },
  '7a0c1e52-0000-4000-8000-0000000000c2': {
    description: 'Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-07-2025 t/m 31-12-2025: Assen (GM0106)',
    calculation:
      '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2600 x 184/365 dagen (benadering, zie toelichting)',
  },
  '7a0c1e52-0000-4000-8000-0000000000c3': { description: 'Eenmalige correctie inwonertal Assen 2024', calculation: '' },
  '7a0c1e52-0000-4000-8000-0000000000c4': { description: 'Luisterend oor', calculation: 'Assen' },
  '7a0c1e52-0000-4000-8000-0000000000d1': {
    description:
      'Creditering SEN-2025-000042 regel 1: Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-01-2025 t/m 30-06-2025: Assen (GM0106)',
    calculation: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500 x 181/365 dagen',
  },
  '7a0c1e52-0000-4000-8000-0000000000d2': {
    description:
      'Creditering SEN-2025-000042 regel 2: Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-07-2025 t/m 31-12-2025: Assen (GM0106)',
    calculation: 'gedeeltelijk: EUR 1.000,00 van EUR 9.135,25',
  },
  '7a0c1e52-0000-4000-8000-0000000000e1': {
    description: 'Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-01-2016 t/m 31-12-2016: Het Hogeland (GM1966)',
    calculation: '47.812 inwoners (CBS, peildatum 01-01-2015) x EUR 0,2582',
  },
  '7a0c1e52-0000-4000-8000-0000000000e2': { description: 'Afronding', calculation: '' },
};
