import { Injectable } from '@nestjs/common';
import { dueDate, todayInAmsterdam, yearOf, ZERO_CENTS } from '@wmo/domain';
import { OrganisationDirectory } from '@wmo/identity';
import { ScopedDatabase } from '@wmo/tenancy';
import { BillingDetailsRepository } from './billing-details.repository';
import { creditLine, creditNoteTerms } from './credit-notes.service';
import { allocateCredit, assertCreditable, creditNoteTotals } from './credit-notes.rules';
import { DocumentAnswers } from './document-answers';
import { DocumentIssuer } from './document-issuer';
import { DocumentsRepository } from './documents.repository';
import type { ReplacementDto } from './dto/invoicing.dto';
import { InvoiceLineRepository } from './invoice-line.repository';
import { lineText } from './invoice-line.rules';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import { customerSnapshot, documentTotals } from './invoicing.rules';

/**
 * A replacement invoice: in one transaction, a full credit note on an invoice and a new invoice
 * for the same lines with today's customer details (an OIN or address completed since), so that
 * the municipality gets a lawful, valid e-invoice. The new invoice names the one it replaces (in
 * its text and as the UBL preceding invoice). Idempotent per invoice: asked again, it answers the
 * pair it made. The issuer's FINANCE or PROVIDER_ADMIN, or the operator.
 */
@Injectable()
export class ReplacementsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly documents: DocumentsRepository,
    private readonly lines: InvoiceLineRepository,
    private readonly answers: DocumentAnswers,
    private readonly issuer: DocumentIssuer,
    private readonly organisations: OrganisationDirectory,
    private readonly billing: BillingDetailsRepository,
  ) {}

  replace(id: string): Promise<{ answer: ReplacementDto; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const invoice = await this.answers.forCorrection(tx, id);
      assertCreditable(invoice);
      await this.documents.lockForCorrection(tx, id);
      const existing = await this.documents.replacementOf(tx, id);
      if (existing) {
        const creditNotes = await this.documents.creditNotesOf(tx, [id]);
        return {
          answer: {
            creditNote: await this.answers.one(tx, creditNotes[creditNotes.length - 1].id),
            replacement: await this.answers.one(tx, existing.id),
          },
          created: false,
        };
      }
      const invoiceLines = await this.lines.ofDocuments(tx, [id]);
      const creditedPerLine = await this.lines.creditedPerLine(tx, id);
      if ([...creditedPerLine.values()].some((amount) => amount > 0))
        throw new InvoicingError(
          InvoicingErrorCode.NotReplaceable,
          `${invoice.number} has been credited (in part) already; only an invoice that no credit note touched is replaced whole. Correct it with a credit note instead.`,
        );
      const allocation = allocateCredit(
        invoice.number,
        invoiceLines.map((line) => ({
          line,
          lineNumber: line.lineNumber,
          amountCents: line.amountCents,
          creditedCents: ZERO_CENTS,
        })),
      );
      const today = todayInAmsterdam();
      const [creditNote] = await this.issuer.issue(
        tx,
        creditNoteTerms(invoice, today),
        [
          {
            customerOrganisationId: invoice.customerOrganisationId,
            municipalityCode: invoice.municipalityCode,
            customer: invoice.customerSnapshot,
            purchaseOrderNumber: invoice.purchaseOrderNumber,
            note: `Creditnota op ${invoice.number}: vervangen door een nieuwe factuur met de factuurgegevens van nu`,
            credits: { id: invoice.id, number: invoice.number },
            ...creditNoteTotals({
              vatRate: invoice.vatRate,
              crediting: allocation,
              creditedBefore: [],
              creditedVatBefore: ZERO_CENTS,
            }),
            lines: allocation.map(({ source, amountCents }) => creditLine(invoice.number, source.line, amountCents)),
          },
        ],
        { renderPdfs: true },
      );
      // Today's details of the customer: not the supplier's to read otherwise, so read as the platform after the check above.
      const customer = await tx.unscopedWithin(async (platform) => {
        const organisation = await this.organisations.organisation(platform, invoice.customerOrganisationId);
        const [details] = await this.billing.forCustomers(
          platform,
          [invoice.customerOrganisationId],
          invoice.contractId,
          yearOf(invoice.periodStart),
        );
        return { name: organisation?.name ?? invoice.customerSnapshot.name, details };
      });
      const lines = invoiceLines.map((line) => ({
        municipalityCode: line.municipalityCode,
        ...lineText(line),
        inhabitants: line.inhabitants,
        perInhabitant: line.perInhabitant,
        periodStart: line.periodStart,
        periodEnd: line.periodEnd,
        days: line.days,
        daysInYear: line.daysInYear,
        amountCents: line.amountCents,
        approximationNote: line.approximationNote,
        creditsLineNumber: null,
      }));
      const [replacement] = await this.issuer.issue(
        tx,
        {
          ...creditNoteTerms(invoice, today),
          type: 'INVOICE',
          dueDate: dueDate(today, invoice.paymentTermDays),
        },
        [
          {
            customerOrganisationId: invoice.customerOrganisationId,
            municipalityCode: invoice.municipalityCode,
            customer: customerSnapshot(customer.name, customer.details),
            purchaseOrderNumber: customer.details.purchaseOrder ?? invoice.purchaseOrderNumber,
            note: `Vervangt factuur ${invoice.number} (gecrediteerd met ${creditNote.number}): dezelfde regels, met de factuurgegevens van nu.${invoice.note ? ` ${invoice.note}` : ''}`,
            credits: null,
            replaces: { id: invoice.id, number: invoice.number },
            ...documentTotals(lines, invoice.vatRate),
            lines,
          },
        ],
        { renderPdfs: true },
      );
      await tx.audit({
        action: 'invoice.replaced',
        entityType: 'invoice',
        entityId: invoice.id,
        organisationId: invoice.supplierId,
        after: { creditNote: creditNote.number, replacement: replacement.number },
      });
      return {
        answer: {
          creditNote: await this.answers.one(tx, creditNote.id),
          replacement: await this.answers.one(tx, replacement.id),
        },
        created: true,
      };
    });
  }
}
