import { Injectable } from '@nestjs/common';
import { column, Spreadsheet } from '@wmo/common';
import { todayInAmsterdam, ZERO_CENTS } from '@wmo/domain';
import { ScopedDatabase } from '@wmo/tenancy';
import type {
  BillingDifferenceDto,
  BillingDifferencesDto,
  BillingDifferencesQuery,
} from './dto/billing-differences.dto';
import type { ExportDocumentsQuery } from './dto/invoicing.dto';
import { BillingDifferencesService } from './billing-differences.service';
import { DocumentExportRow, DocumentsRepository } from './documents.repository';
import { DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS } from './invoicing.constants';
import { outstandingCents } from './payments.rules';

/** Paid, credited and outstanding are an invoice's; a credit note or an allocation statement leaves them empty. */
const ofInvoice = (row: DocumentExportRow, amount: number) => (row.type === 'INVOICE' ? amount : null);

const DOCUMENT_COLUMNS = [
  column.text<DocumentExportRow>('Nummer', (r) => r.number),
  column.text<DocumentExportRow>('Soort', (r) => DOCUMENT_TYPE_LABELS[r.type]),
  column.date<DocumentExportRow>('Datum', (r) => r.issueDate),
  column.date<DocumentExportRow>('Vervaldatum', (r) => r.dueDate),
  column.text<DocumentExportRow>('Gemeentecode', (r) => r.municipalityCode),
  column.text<DocumentExportRow>('Klant', (r) => r.customer),
  column.text<DocumentExportRow>('Contract', (r) => r.contract),
  column.date<DocumentExportRow>('Periode van', (r) => r.periodStart),
  column.date<DocumentExportRow>('Periode tot en met', (r) => r.periodEnd),
  column.date<DocumentExportRow>('Peildatum', (r) => r.referenceDate),
  column.money<DocumentExportRow>('Bedrag excl. btw', (r) => r.subtotalCents),
  column.money<DocumentExportRow>('Btw', (r) => r.vatCents),
  column.money<DocumentExportRow>('Totaal incl. btw', (r) => r.totalCents),
  column.text<DocumentExportRow>('Status', (r) => DOCUMENT_STATUS_LABELS[r.status]),
  column.money<DocumentExportRow>('Betaald', (r) => ofInvoice(r, r.paidCents)),
  column.money<DocumentExportRow>('Gecrediteerd', (r) => ofInvoice(r, r.creditedCents)),
  column.money<DocumentExportRow>('Openstaand', (r) =>
    ofInvoice(r, r.type === 'INVOICE' ? outstandingCents(r, r) : ZERO_CENTS),
  ),
  column.text<DocumentExportRow>('Inkoopordernummer', (r) => r.purchaseOrder),
];

const DIFFERENCE_COLUMNS = [
  column.text<BillingDifferenceDto>('Gemeentecode', (r) => r.municipalityCode),
  column.text<BillingDifferenceDto>('Gemeente', (r) => r.name),
  column.money<BillingDifferenceDto>('Gefactureerd (excl. btw)', (r) => r.billedCents),
  column.money<BillingDifferenceDto>('Verschuldigd (excl. btw)', (r) => r.dueCents),
  column.money<BillingDifferenceDto>('Verschil', (r) => r.differenceCents),
  column.text<BillingDifferenceDto>('Documenten', (r) => r.documents.map((d) => d.number).join(', ') || null),
  column.text<BillingDifferenceDto>('Redenen', (r) => r.reasons.join('; ') || null),
];

/** A spreadsheet and the Dutch name of its file (without extension). */
export interface SheetFile<R> {
  fileName: string;
  sheet: Spreadsheet<R>;
}

/** Exports for finance teams: the documents of the list and a contract's billing differences, as spreadsheets. */
@Injectable()
export class DocumentExportService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly documents: DocumentsRepository,
    private readonly differencesOf: BillingDifferencesService,
  ) {}

  /** Every document you can see that passes the list's filters, in the list's order. */
  documentsSheet(query: ExportDocumentsQuery): Promise<SheetFile<DocumentExportRow>> {
    return this.db.transaction(async (tx) => {
      const rows = await this.documents.exportRows(tx, query, query.sort, todayInAmsterdam());
      return {
        fileName: query.year
          ? `facturen-${query.year}`
          : query.periodYear
            ? `facturen-over-${query.periodYear}`
            : 'facturen',
        sheet: { sheetName: query.year ? `Facturen ${query.year}` : 'Facturen', columns: DOCUMENT_COLUMNS, rows },
      };
    });
  }

  /** A contract's billing differences of a period, a row per municipality as the JSON answer has them. */
  async differencesSheet(contractId: string, query: BillingDifferencesQuery): Promise<SheetFile<BillingDifferenceDto>> {
    const differences: BillingDifferencesDto = await this.differencesOf.differences(contractId, query);
    const { start, end } = differences.period;
    const period =
      start.endsWith('-01-01') && end === `${start.slice(0, 4)}-12-31` ? start.slice(0, 4) : `${start}-tot-${end}`;
    return {
      fileName: `factuurverschillen-${differences.contractReference}-${period}`,
      sheet: { sheetName: 'Factuurverschillen', columns: DIFFERENCE_COLUMNS, rows: differences.items },
    };
  }
}
