import PDFDocument from 'pdfkit';
import { Cents, dutchDate, formatEuroCents } from '@wmo/domain';
import type { DocumentType, PartySnapshot } from './invoicing.constants';

/** Everything a document's PDF shows; all of it comes from the immutable document. */
export interface PrintableDocument {
  type: DocumentType;
  number: string;
  issueDate: string;
  dueDate: string;
  periodStart: string;
  periodEnd: string;
  referenceDate: string;
  purchaseOrderNumber: string | null;
  paymentTermDays: number;
  subtotalCents: Cents;
  vatCents: Cents;
  totalCents: Cents;
  vatCategory: string;
  vatRate: string;
  vatExemptionReason: string | null;
  supplier: PartySnapshot;
  customer: PartySnapshot;
  contract: { reference: string; title: string; legalBasis: string };
  creditedNumber?: string | null;
  /** For a supplementary invoice: the invoice it adds to. */
  supplementsNumber?: string | null;
  /** For a replacement invoice: the invoice it replaces. */
  replacesNumber?: string | null;
  note?: string | null;
  /**
   * An allocation statement's issuer, the contracting party (the VNG): then the document reads as
   * what it is, no invoice (no due date, payment block, IBAN or VAT). Statements issued before it
   * was kept have none, and keep the look they were issued with.
   */
  issuer?: PartySnapshot | null;
  lines: Array<{ description: string; calculation: string; amountCents: Cents }>;
}

const TITLES: Record<DocumentType, string> = {
  INVOICE: 'Factuur',
  CREDIT_NOTE: 'Creditnota',
  ALLOCATION_STATEMENT: 'Toerekening uitname gemeentefonds',
};

function address(party: PartySnapshot): string[] {
  return [
    party.name,
    party.street ?? '(adres onbekend)',
    [party.postalCode, party.city].filter(Boolean).join('  ') || '',
  ].filter(Boolean);
}

/**
 * A Dutch A4 document with what DOMAIN.md rule 8 requires: issue date and number, supplier name,
 * address, VAT id and KvK, customer name and address, description and quantity, unit price, VAT
 * rate and amount or the exemption reason, totals and payment terms; plus the calculation, the
 * reference date (peildatum), the period and the purchase-order number. Built-in Helvetica only.
 */
export function renderDocumentPdf(doc: PrintableDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: `${TITLES[doc.type]} ${doc.number}`, Author: doc.supplier.name },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);

    const left = 50;
    const right = 545;
    const statement = doc.type === 'ALLOCATION_STATEMENT' && doc.issuer ? doc.issuer : null;
    pdf.font('Helvetica-Bold').fontSize(18).text(TITLES[doc.type], left, 50);
    pdf.font('Helvetica').fontSize(9);

    // The issuer, top right: the supplier, or the contracting party of an allocation statement.
    const issuerLines = statement
      ? [
          statement.name,
          statement.street ?? '',
          [statement.postalCode, statement.city].filter(Boolean).join('  '),
          statement.kvkNumber ? `KvK ${statement.kvkNumber}` : '',
          statement.email ?? '',
        ]
      : [
          ...address(doc.supplier),
          `KvK ${doc.supplier.kvkNumber ?? '-'}`,
          doc.supplier.vatId ? `Btw-id ${doc.supplier.vatId}` : 'Btw-id -',
          doc.supplier.iban ? `IBAN ${doc.supplier.iban}` : '',
          doc.supplier.email ?? '',
        ];
    pdf.text(issuerLines.filter(Boolean).join('\n'), 350, 50, { width: 195, align: 'right' });

    // Customer.
    pdf.font('Helvetica-Bold').text('Aan', left, 130);
    pdf
      .font('Helvetica')
      .text(
        [
          ...address(doc.customer),
          doc.customer.oin ? `OIN ${doc.customer.oin}` : '',
          doc.customer.kvkNumber ? `KvK ${doc.customer.kvkNumber}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
        left,
        142,
        { width: 250 },
      );

    // Document facts.
    const facts: Array<[string, string]> = [
      [
        doc.type === 'CREDIT_NOTE' ? 'Creditnotanummer' : doc.type === 'INVOICE' ? 'Factuurnummer' : 'Nummer',
        doc.number,
      ],
      [statement ? 'Datum' : 'Factuurdatum', dutchDate(doc.issueDate)],
      ...(doc.type === 'ALLOCATION_STATEMENT'
        ? []
        : ([['Vervaldatum', dutchDate(doc.dueDate)]] as Array<[string, string]>)),
      ['Periode', `${dutchDate(doc.periodStart)} t/m ${dutchDate(doc.periodEnd)}`],
      ['Peildatum inwonertal', `${dutchDate(doc.referenceDate)} (CBS)`],
      ['Contract', `${doc.contract.reference}`],
      ...(statement ? ([['Aanbieder', doc.supplier.name]] as Array<[string, string]>) : []),
      ['Uw kenmerk (inkoopordernummer)', doc.purchaseOrderNumber ?? '-'],
      ...(doc.creditedNumber ? ([['Crediteert factuur', doc.creditedNumber]] as Array<[string, string]>) : []),
      ...(doc.supplementsNumber ? ([['Aanvulling op factuur', doc.supplementsNumber]] as Array<[string, string]>) : []),
      ...(doc.replacesNumber ? ([['Vervangt factuur', doc.replacesNumber]] as Array<[string, string]>) : []),
    ];
    let y = 210;
    for (const [label, value] of facts) {
      pdf.font('Helvetica-Bold').text(label, left, y, { width: 170 });
      pdf.font('Helvetica').text(value, left + 175, y, { width: 320 });
      y += 14;
    }

    // Lines.
    y += 14;
    pdf
      .font('Helvetica-Bold')
      .text('Omschrijving', left, y)
      .text('Bedrag (EUR)', 430, y, { width: 115, align: 'right' });
    y += 14;
    pdf.moveTo(left, y).lineTo(right, y).stroke();
    y += 6;
    pdf.font('Helvetica');
    for (const line of doc.lines) {
      if (y > 720) {
        pdf.addPage();
        y = 50;
      }
      pdf.text(formatEuroCents(line.amountCents), 430, y, { width: 115, align: 'right' });
      pdf.text(line.description, left, y, { width: 370 });
      pdf
        .fillColor('#444444')
        .text(line.calculation, left + 10, pdf.y + 2, { width: 360 })
        .fillColor('black');
      y = pdf.y + 8;
    }
    pdf.moveTo(left, y).lineTo(right, y).stroke();
    y += 8;

    // Totals and VAT.
    const vatLabel =
      doc.vatCategory === 'S'
        ? `Btw ${doc.vatRate.replace('.', ',')}%`
        : `Btw 0% (${doc.vatCategory}): ${doc.vatExemptionReason ?? 'geen btw'}`;
    const totals: Array<[string, Cents]> = [
      // An allocation statement is no taxable supply of its issuer: no VAT block.
      ...(statement
        ? []
        : ([
            ['Subtotaal', doc.subtotalCents],
            [vatLabel, doc.vatCents],
          ] as Array<[string, Cents]>)),
      [
        doc.type === 'CREDIT_NOTE'
          ? 'Totaal te crediteren'
          : doc.type === 'INVOICE'
            ? 'Totaal te betalen'
            : 'Totaal toegerekend',
        doc.totalCents,
      ],
    ];
    for (const [label, cents] of totals) {
      pdf.font(label.startsWith('Totaal') ? 'Helvetica-Bold' : 'Helvetica').text(label, left, y, { width: 370 });
      pdf.text(`EUR ${formatEuroCents(cents)}`, 430, y, { width: 115, align: 'right' });
      y = pdf.y + 4;
    }

    // Payment terms.
    y += 16;
    pdf.font('Helvetica').fontSize(9);
    const terms =
      doc.type === 'INVOICE'
        ? `Betalingstermijn: ${doc.paymentTermDays} dagen. Gelieve EUR ${formatEuroCents(doc.totalCents)} uiterlijk ${dutchDate(doc.dueDate)} over te maken op ${doc.supplier.iban ?? 'de rekening van de leverancier'} t.n.v. ${doc.supplier.name}, onder vermelding van ${doc.number}.`
        : doc.type === 'CREDIT_NOTE'
          ? `Dit bedrag wordt verrekend met of terugbetaald op factuur ${doc.creditedNumber ?? ''}.`
          : statement
            ? `Dit is geen factuur: er hoeft niets betaald te worden. Het bedrag wordt verrekend via het gemeentefonds: het is ingehouden op de uitkering (uitname), en ${statement.name} betaalt daaruit ${doc.supplier.name}.`
            : 'Geen betaling: dit bedrag is ingehouden op de uitkering uit het gemeentefonds (uitname) en door de VNG aan de aanbieder betaald.';
    pdf.text(terms, left, y, { width: 495 });
    if (doc.note) pdf.text(doc.note, left, pdf.y + 6, { width: 495 });
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    pdf.page.margins.bottom = 0;
    pdf
      .fontSize(8)
      .fillColor('#555555')
      .text(
        `${doc.contract.title}. Wettelijke grondslag: ${doc.contract.legalBasis}. De bijdrage is per inwoner, nooit per gebruik: de hulp is anoniem.`,
        left,
        790,
        { width: 495 },
      );
    pdf.end();
  });
}
