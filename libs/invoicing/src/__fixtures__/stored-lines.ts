import { CREDIT_NOTE_ID, INVOICE_ID, ALLOCATION_ID, PARTIES, StoredLine, StoredPayment } from './stored-documents';

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

/** The lines and payments of the stored documents (see stored-documents.ts), in the old form. */
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
