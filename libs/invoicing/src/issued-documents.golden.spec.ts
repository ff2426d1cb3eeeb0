import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cents } from '@wmo/domain';
import {
  ALLOCATION_ID,
  CREDIT_NOTE_ID,
  DUTY_LEGAL_BASES,
  INVOICE_ID,
  STORED_DOCUMENTS,
} from './__fixtures__/stored-documents';
import { FIXED_PDF, NEW_FORM_TEXTS, normalisePdf, STORED_LINES, STORED_PAYMENTS } from './__fixtures__/stored-lines';
import type { DocumentStatusRow } from './documents.repository';
import { toDocumentDtos, toPrintables } from './documents.mapper';
import type { InvoiceDocumentEntity, InvoiceLineEntity, PaymentEntity } from './document.entities';
import { renderDocumentPdf } from './invoice-pdf';
import { buildUbl } from './ubl';

/**
 * Issued documents never change: not in the database (a trigger refuses it) and not in what they
 * show. The goldens in __fixtures__ were made by the code as it was before invoice_line.calculation
 * existed, from lines that packed description and calculation into one text; these specs prove
 * that today's code renders the same bytes from those old lines and from the same lines stored in
 * the new form.
 */
const golden = (name: string) => readFileSync(join(__dirname, '__fixtures__', name));

const documents = STORED_DOCUMENTS.map((d): InvoiceDocumentEntity => ({
  ...d,
  supplementsDocumentId: null,
  replacesDocumentId: null,
  issuerSnapshot: null,
  subtotalCents: cents(d.subtotalCents),
  vatCents: cents(d.vatCents),
  totalCents: cents(d.totalCents),
}));
const oldFormLines = STORED_LINES.map((l): InvoiceLineEntity => ({
  ...l,
  calculation: null,
  amountCents: cents(l.amountCents),
}));
const newFormLines = oldFormLines.map((l): InvoiceLineEntity => ({ ...l, ...NEW_FORM_TEXTS[l.id] }));
const payments = STORED_PAYMENTS.map((p): PaymentEntity => ({ ...p, amountCents: cents(p.amountCents) }));
const legalBases = new Map(DUTY_LEGAL_BASES.map((duty) => [duty.code, duty.legalBasis]));
const IDS = [INVOICE_ID, CREDIT_NOTE_ID, ALLOCATION_ID];

const printables = (lines: InvoiceLineEntity[]) =>
  toPrintables(IDS, { documents, lines, credited: documents.filter((d) => d.id === INVOICE_ID) }, legalBases);

describe.each([
  ['old form (description | calculation in one text)', oldFormLines],
  ['new form (calculation in its own column)', newFormLines],
])('issued documents with lines in the %s', (_form, lines) => {
  it('read ready to render exactly as before: the golden printables', () => {
    expect(JSON.parse(JSON.stringify(printables(lines)))).toEqual(
      JSON.parse(golden('printables.golden.json').toString('utf8')),
    );
  });

  it.each(['SEN-2025-000042', 'SEN-CN-2025-000003', 'SEN-AS-2016-000386'])(
    'the PDF of %s is byte for byte the golden (time of rendering and file id normalised)',
    async (number) => {
      const printable = printables(lines).find((p) => p.number === number)!;
      const pdf = normalisePdf(await renderDocumentPdf(printable));
      expect(pdf.equals(golden(`${number}.golden.pdf`))).toBe(true);
    },
  );

  it.each([
    ['SEN-2025-000042', 'nlcius'],
    ['SEN-2025-000042', 'peppol'],
    ['SEN-CN-2025-000003', 'nlcius'],
    ['SEN-CN-2025-000003', 'peppol'],
  ] as const)('the UBL of %s (%s) is byte for byte the golden', (number, profile) => {
    const printable = printables(lines).find((p) => p.number === number)!;
    expect(buildUbl({ ...printable, pdf: FIXED_PDF }, profile)).toBe(
      golden(`${number}.${profile}.golden.xml`).toString('utf8'),
    );
  });

  it('the API answers the documents exactly as before, field order included', () => {
    const statuses: DocumentStatusRow[] = [
      { id: INVOICE_ID, paidCents: cents(100_000), creditedCents: cents(1_166_544), status: 'PARTIALLY_PAID' },
      { id: CREDIT_NOTE_ID, paidCents: cents(0), creditedCents: cents(0), status: 'PAID' },
      { id: ALLOCATION_ID, paidCents: cents(0), creditedCents: cents(0), status: 'SETTLED_VIA_FUND' },
    ];
    const dtos = toDocumentDtos(statuses, {
      documents,
      lines,
      payments,
      creditNotes: documents.filter((d) => d.creditedDocumentId === INVOICE_ID),
      credited: documents.filter((d) => d.id === INVOICE_ID),
    });
    expect(`${JSON.stringify(dtos, null, 2)}\n`).toBe(golden('documents.golden.json').toString('utf8'));
  });
});
