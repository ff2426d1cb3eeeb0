import { Injectable } from '@nestjs/common';
import { toCsv } from '@wmo/common';
import { centsToDecimal, todayInAmsterdam, ZERO_CENTS } from '@wmo/domain';
import { ScopedDatabase } from '@wmo/tenancy';
import { DocumentsRepository } from './documents.repository';
import { outstandingCents } from './payments.rules';

const HEADER = [
  'number',
  'type',
  'issueDate',
  'dueDate',
  'municipalityCode',
  'customer',
  'contract',
  'periodStart',
  'periodEnd',
  'referenceDate',
  'subtotal',
  'vat',
  'total',
  'currency',
  'status',
  'paid',
  'credited',
  'outstanding',
  'purchaseOrder',
];

/** Exports for finance systems. */
@Injectable()
export class DocumentExportService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly documents: DocumentsRepository,
  ) {}

  /** All documents of an issue year you can see as CSV (amounts in euros with a dot). */
  exportCsv(year: number): Promise<string> {
    return this.db.transaction(async (tx) => {
      const rows = await this.documents.exportRows(tx, year, todayInAmsterdam());
      return toCsv(
        HEADER,
        rows.map((r) => [
          r.number,
          r.type,
          r.issueDate,
          r.dueDate,
          r.municipalityCode,
          r.customer,
          r.contract,
          r.periodStart,
          r.periodEnd,
          r.referenceDate,
          centsToDecimal(r.subtotalCents),
          centsToDecimal(r.vatCents),
          centsToDecimal(r.totalCents),
          'EUR',
          r.status,
          centsToDecimal(r.paidCents),
          centsToDecimal(r.creditedCents),
          centsToDecimal(r.type === 'INVOICE' ? outstandingCents(r, r) : ZERO_CENTS),
          r.purchaseOrder,
        ]),
      );
    });
  }
}
