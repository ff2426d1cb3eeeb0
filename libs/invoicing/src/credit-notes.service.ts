import { Injectable } from '@nestjs/common';
import { plusCents, todayInAmsterdam, ZERO_CENTS } from '@wmo/domain';
import { ScopedDatabase } from '@wmo/tenancy';
import type { CreateCreditNoteDto, InvoiceDocumentDto } from './dto/invoicing.dto';
import {
  allocateCredit,
  assertCreditable,
  creditLineText,
  creditNoteNote,
  creditNoteTotals,
  numberPrefixOf,
} from './credit-notes.rules';
import { DocumentAnswers } from './document-answers';
import { DocumentIssuer, IssueTerms, LineToIssue } from './document-issuer';
import { DocumentsRepository } from './documents.repository';
import type { InvoiceDocumentEntity, InvoiceLineEntity } from './document.entities';
import { InvoiceLineRepository } from './invoice-line.repository';
import { lineText } from './invoice-line.rules';

/** Corrections: a credit note credits an invoice fully, or some of its lines; the invoice itself never changes. */
@Injectable()
export class CreditNotesService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly documents: DocumentsRepository,
    private readonly lines: InvoiceLineRepository,
    private readonly answers: DocumentAnswers,
    private readonly issuer: DocumentIssuer,
  ) {}

  /**
   * A new, numbered credit note, issued in the caller's transaction with its PDF and its
   * `invoice.issued` event for the customer: all of it commits, or none.
   */
  creditNote(id: string, dto: CreateCreditNoteDto): Promise<InvoiceDocumentDto> {
    return this.db.transaction(async (tx) => {
      const { status } = await this.answers.status(tx, id);
      const invoice = await this.answers.forCorrection(tx, id);
      assertCreditable(invoice);
      await this.documents.lockForCorrection(tx, id);
      const invoiceLines = await this.lines.ofDocuments(tx, [id]);
      const creditedPerLine = await this.lines.creditedPerLine(tx, id);
      const creditedVat = await this.documents.creditedVat(tx, id);
      const allocation = allocateCredit(
        invoice.number,
        invoiceLines.map((line) => ({
          line,
          lineNumber: line.lineNumber,
          amountCents: line.amountCents,
          creditedCents: creditedPerLine.get(line.lineNumber) ?? ZERO_CENTS,
        })),
        dto.lines,
      );
      const totals = creditNoteTotals({
        vatRate: invoice.vatRate,
        crediting: allocation,
        creditedBefore: creditedPerLine.values(),
        creditedVatBefore: creditedVat,
      });
      const [creditNote] = await this.issuer.issue(
        tx,
        creditNoteTerms(invoice, todayInAmsterdam()),
        [
          {
            customerOrganisationId: invoice.customerOrganisationId,
            municipalityCode: invoice.municipalityCode,
            customer: invoice.customerSnapshot,
            purchaseOrderNumber: invoice.purchaseOrderNumber,
            note: creditNoteNote(invoice.number, dto.reason),
            credits: { id: invoice.id, number: invoice.number },
            ...totals,
            lines: allocation.map(({ source, amountCents }) => creditLine(invoice.number, source.line, amountCents)),
          },
        ],
        { renderPdfs: true },
      );
      await tx.audit({
        action: 'invoice.credited',
        entityType: 'invoice',
        entityId: invoice.id,
        organisationId: invoice.supplierId,
        before: { status },
        after: {
          creditNote: creditNote.number,
          totalCents: plusCents(totals.subtotalCents, totals.vatCents),
          reason: dto.reason,
        },
      });
      return this.answers.one(tx, creditNote.id);
    });
  }
}

/** A credit note copies its invoice's parties, contract and terms; it is issued and due today, in the invoice's number series. */
export function creditNoteTerms(
  invoice: InvoiceDocumentEntity,
  issueDate: string,
  runId: string | null = null,
): IssueTerms {
  return {
    type: 'CREDIT_NOTE',
    numberPrefix: numberPrefixOf(invoice.number),
    runId,
    contractId: invoice.contractId,
    contractingOrganisationId: invoice.contractingOrganisationId,
    supplierId: invoice.supplierId,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    referenceDate: invoice.referenceDate,
    issueDate,
    dueDate: issueDate,
    currency: invoice.currency,
    vatCategory: invoice.vatCategory,
    vatRate: invoice.vatRate,
    vatExemptionReason: invoice.vatExemptionReason,
    paymentTermDays: invoice.paymentTermDays,
    supplier: invoice.supplierSnapshot,
    contract: invoice.contractSnapshot,
  };
}

/** A credit line: the credited line's facts, its own texts and amount, and which line it credits. */
export function creditLine(
  invoiceNumber: string,
  source: InvoiceLineEntity,
  amountCents: LineToIssue['amountCents'],
): LineToIssue {
  return {
    municipalityCode: source.municipalityCode,
    ...creditLineText(
      invoiceNumber,
      { lineNumber: source.lineNumber, amountCents: source.amountCents, text: lineText(source) },
      amountCents,
    ),
    inhabitants: source.inhabitants,
    perInhabitant: source.perInhabitant,
    periodStart: source.periodStart,
    periodEnd: source.periodEnd,
    days: source.days,
    daysInYear: source.daysInYear,
    amountCents,
    approximationNote: source.approximationNote,
    creditsLineNumber: source.lineNumber,
  };
}
