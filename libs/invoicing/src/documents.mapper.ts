import { tariffDecimal, ZERO_CENTS } from '@wmo/domain';
import type { DocumentLineDto, InvoiceDocumentDto } from './dto/invoicing.dto';
import type { DocumentStatusRow } from './documents.repository';
import type { PrintableDocument } from './invoice-pdf';
import type { InvoiceDocumentEntity, InvoiceLineEntity, PaymentEntity } from './document.entities';
import { lineText } from './invoice-line.rules';
import { outstandingCents } from './payments.rules';
import type { LineFigures } from './ubl-line.rules';

/** A document ready to render (PDF) or to turn into an e-invoice (UBL), with what the services need besides. */
export interface Printable extends PrintableDocument {
  id: string;
  supplierId: string;
  /** For a credit note: the corrected invoice's issue date. */
  creditedIssueDate: string | null;
  /** Each line with the figures of its amount, which the e-invoice states (the PDF shows the calculation). */
  lines: Array<PrintableDocument['lines'][number] & LineFigures>;
}

/** What a document's answer is made of: the stored rows around it. */
export interface DocumentRows {
  documents: readonly InvoiceDocumentEntity[];
  /** Of the documents, by document and line number. */
  lines: readonly InvoiceLineEntity[];
  /** Of the documents, in the order they were paid. */
  payments: readonly PaymentEntity[];
  /** Correcting the documents, by number. */
  creditNotes: readonly InvoiceDocumentEntity[];
  /** The invoices that the credit notes among the documents correct. */
  credited: readonly InvoiceDocumentEntity[];
}

export function toLineDto(line: InvoiceLineEntity): DocumentLineDto {
  const { description, calculation } = lineText(line);
  return {
    lineNumber: line.lineNumber,
    municipalityCode: line.municipalityCode,
    description,
    calculation,
    inhabitants: line.inhabitants,
    perInhabitant: tariffDecimal(line.perInhabitant),
    period: { start: line.periodStart, end: line.periodEnd },
    days: line.days,
    amountCents: line.amountCents,
    approximationNote: line.approximationNote,
  };
}

/** The documents of `statuses`, in that order, as the API answers them. */
export function toDocumentDtos(statuses: readonly DocumentStatusRow[], rows: DocumentRows): InvoiceDocumentDto[] {
  return statuses.map((status) => {
    const d = rows.documents.find((document) => document.id === status.id)!;
    const creditedDocument = rows.credited.find((c) => c.id === d.creditedDocumentId);
    const outstanding = outstandingCents(d, status);
    return {
      id: d.id,
      type: d.type,
      number: d.number,
      municipalityCode: d.municipalityCode,
      contractId: d.contractId,
      contractReference: d.contractSnapshot.reference,
      runId: d.runId,
      period: { start: d.periodStart, end: d.periodEnd },
      referenceDate: d.referenceDate,
      issueDate: d.issueDate,
      // An allocation statement is settled through the municipal fund: nothing falls due.
      dueDate: d.type === 'ALLOCATION_STATEMENT' ? null : d.dueDate,
      status: status.status,
      currency: d.currency,
      subtotalCents: d.subtotalCents,
      vatCents: d.vatCents,
      totalCents: d.totalCents,
      paidCents: status.paidCents,
      creditedCents: status.creditedCents,
      outstandingCents: d.type === 'INVOICE' && outstanding > 0 ? outstanding : ZERO_CENTS,
      vatCategory: d.vatCategory,
      vatRate: d.vatRate,
      vatExemptionReason: d.vatExemptionReason,
      purchaseOrderNumber: d.purchaseOrderNumber,
      supplierName: d.supplierSnapshot.name,
      issuerName: d.issuerSnapshot?.name ?? null,
      customerName: d.customerSnapshot.name,
      lines: rows.lines.filter((l) => l.documentId === d.id).map(toLineDto),
      creditNotes: rows.creditNotes
        .filter((c) => c.creditedDocumentId === d.id)
        .map((c) => ({ id: c.id, number: c.number, totalCents: c.totalCents })),
      credits: creditedDocument
        ? { id: creditedDocument.id, number: creditedDocument.number, totalCents: creditedDocument.totalCents }
        : null,
      payments: rows.payments
        .filter((p) => p.documentId === d.id)
        .map((p) => ({ id: p.id, amountCents: p.amountCents, date: p.paidOn, reference: p.reference })),
    };
  });
}

/**
 * The documents of `ids` that exist, in that order, ready to render. `legalBases` (duty code to
 * legal basis) completes documents issued before their contract snapshot kept the legal basis.
 */
export function toPrintables(
  ids: readonly string[],
  rows: Pick<DocumentRows, 'documents' | 'lines' | 'credited'>,
  legalBases: ReadonlyMap<string, string>,
): Printable[] {
  const byId = new Map(rows.documents.map((d) => [d.id, d]));
  return ids.flatMap((id) => {
    const d = byId.get(id);
    if (!d) return [];
    const credited = rows.credited.find((c) => c.id === d.creditedDocumentId);
    const supplemented = rows.credited.find((c) => c.id === d.supplementsDocumentId);
    const replaced = rows.credited.find((c) => c.id === d.replacesDocumentId);
    return [
      {
        id,
        type: d.type,
        number: d.number,
        issueDate: d.issueDate,
        dueDate: d.dueDate,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        referenceDate: d.referenceDate,
        purchaseOrderNumber: d.purchaseOrderNumber,
        paymentTermDays: d.paymentTermDays,
        subtotalCents: d.subtotalCents,
        vatCents: d.vatCents,
        totalCents: d.totalCents,
        vatCategory: d.vatCategory,
        vatRate: d.vatRate,
        vatExemptionReason: d.vatExemptionReason,
        supplier: d.supplierSnapshot,
        customer: d.customerSnapshot,
        contract: {
          ...d.contractSnapshot,
          legalBasis: d.contractSnapshot.legalBasis ?? legalBases.get(d.contractSnapshot.dutyCode) ?? '',
        },
        creditedNumber: credited?.number ?? null,
        creditedIssueDate: credited?.issueDate ?? null,
        // Only on the documents that have one: every other printable stays as it always was (the goldens).
        ...(supplemented
          ? { supplementsNumber: supplemented.number, supplementsIssueDate: supplemented.issueDate }
          : {}),
        ...(replaced ? { replacesNumber: replaced.number, replacesIssueDate: replaced.issueDate } : {}),
        ...(d.issuerSnapshot ? { issuer: d.issuerSnapshot } : {}),
        supplierId: d.supplierId,
        note: d.note,
        lines: rows.lines
          .filter((l) => l.documentId === id)
          .map((l) => ({
            ...lineText(l),
            amountCents: l.amountCents,
            inhabitants: l.inhabitants,
            perInhabitant: l.perInhabitant,
            days: l.days,
            daysInYear: l.daysInYear,
          })),
      },
    ];
  });
}

/** Whether any of the documents needs the duty's legal basis (issued before the snapshot kept it). */
export const needsLegalBasis = (documents: readonly InvoiceDocumentEntity[]): boolean =>
  documents.some((d) => !d.contractSnapshot.legalBasis);
