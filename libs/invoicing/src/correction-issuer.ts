import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@wmo/identity';
import { Cents, maxDate, minDate, minusCents, yearOf, ZERO_CENTS } from '@wmo/domain';
import type { PlatformTransaction } from '@wmo/tenancy';
import { BillingDetailsRepository, CustomerBillingRow } from './billing-details.repository';
import { BillingDifferencesService } from './billing-differences.service';
import type { BillingDifference } from './billing-differences.rules';
import { creditLine, creditNoteTerms } from './credit-notes.service';
import { allocateCorrection, creditNoteTotals } from './credit-notes.rules';
import { DocumentIssuer, DocumentToIssue } from './document-issuer';
import type { InvoiceDocumentEntity } from './document.entities';
import { DocumentsRepository } from './documents.repository';
import type { ComputedParticipant } from './invoice-calculator';
import { InvoiceLineRepository } from './invoice-line.repository';
import { RunContext, runTerms } from './invoice-run.context';
import { HeldCustomer, InvoiceRunRepository } from './invoice-run.repository';
import { customerSnapshot, documentTotals } from './invoicing.rules';
import { readinessGaps } from './readiness.rules';

/**
 * A correction run's documents, in one transaction: the period's differences computed afresh (so
 * that a retry, or a second correction run for the same facts, finds nothing left to do), then a
 * credit note by line on the invoice(s) for what was billed too much, and a supplementary invoice
 * naming the original for what was billed too little. Zero differences issue nothing. The
 * invoices concerned are locked first, as a manual credit note locks them.
 */
@Injectable()
export class CorrectionIssuer {
  constructor(
    private readonly differences: BillingDifferencesService,
    private readonly lines: InvoiceLineRepository,
    private readonly documents: DocumentsRepository,
    private readonly issuer: DocumentIssuer,
    private readonly runs: InvoiceRunRepository,
    private readonly organisations: OrganisationDirectory,
    private readonly billing: BillingDetailsRepository,
  ) {}

  async issue(tx: PlatformTransaction, context: RunContext): Promise<number> {
    const { run, contract } = context;
    const period = { from: run.periodStart, to: run.periodEnd };
    const invoiceIds = [
      ...new Set(
        (await this.lines.billedInPeriod(tx, contract.id, period))
          .filter((line) => line.type === 'INVOICE')
          .map((line) => line.documentId),
      ),
    ].sort();
    for (const id of invoiceIds) await this.documents.lockForCorrection(tx, id);
    const { items, due } = await this.differences.compute(tx, contract, period, run.referenceDate);
    const differing = items.filter((item) => item.differenceCents !== 0);
    const invoices = new Map((await this.documents.byIds(tx, invoiceIds)).map((d) => [d.id, d]));
    // The customers of the supplementary invoices, read for all of them at once.
    const short = differing.filter((item) => item.differenceCents > 0);
    const organisations = new Map(
      (
        await this.organisations.municipalityOrganisations(
          tx,
          short.map((item) => item.municipalityCode),
        )
      ).map((o) => [o.municipalityCode, o]),
    );
    const details = new Map(
      (
        await this.billing.forCustomers(
          tx,
          [...organisations.values()].map((o) => o.id),
          contract.id,
          yearOf(run.periodStart),
        )
      ).map((row) => [row.organisationId, row]),
    );
    let issued = 0;
    const held: HeldCustomer[] = [];
    const supplements: DocumentToIssue[] = [];
    for (const item of differing) {
      const own = item.documents
        .filter((d) => d.type === 'INVOICE')
        .map((d) => invoices.get(d.id)!)
        .sort((a, b) => (a.number < b.number ? 1 : -1));
      if (item.differenceCents < 0) {
        issued += await this.credit(tx, context, item, own);
        continue;
      }
      const organisation = organisations.get(item.municipalityCode);
      if (!organisation) throw new Error(`There is no organisation for municipality ${item.municipalityCode}`);
      const customer = { organisation, details: details.get(organisation.id)! };
      const supplementary = supplement(context, item, own[0] ?? null, due, customer);
      if ('held' in supplementary) held.push(supplementary.held);
      else supplements.push(supplementary.document);
    }
    // Every supplementary invoice in one issue: one number reservation, one insert.
    issued += (await this.issuer.issue(tx, runTerms(context), supplements, { renderPdfs: false })).length;
    await this.runs.hold(tx, run, held);
    await this.runs.setProgressOf(tx, run.id, differing.length, differing.length);
    return issued;
  }

  /** Credit notes for what was billed too much: the latest invoice first, its last lines first, never more than is left on a line. */
  private async credit(
    tx: PlatformTransaction,
    context: RunContext,
    item: BillingDifference,
    invoices: readonly InvoiceDocumentEntity[],
  ): Promise<number> {
    let remaining = minusCents(ZERO_CENTS, item.differenceCents);
    let issued = 0;
    for (const invoice of invoices) {
      if (remaining <= 0) break;
      const invoiceLines = (await this.lines.ofDocuments(tx, [invoice.id])).filter(
        (line) => line.municipalityCode === item.municipalityCode,
      );
      const creditedPerLine = await this.lines.creditedPerLine(tx, invoice.id);
      const allocation = allocateCorrection(
        invoiceLines.map((line) => ({
          line,
          lineNumber: line.lineNumber,
          amountCents: line.amountCents,
          creditedCents: creditedPerLine.get(line.lineNumber) ?? ZERO_CENTS,
        })),
        remaining,
      );
      remaining = allocation.remaining;
      const crediting = allocation.crediting;
      if (crediting.length === 0) continue;
      const totals = creditNoteTotals({
        vatRate: invoice.vatRate,
        crediting,
        creditedBefore: creditedPerLine.values(),
        creditedVatBefore: await this.documents.creditedVat(tx, invoice.id),
      });
      await this.issuer.issue(
        tx,
        creditNoteTerms(invoice, context.issueDate, context.run.id),
        [
          {
            customerOrganisationId: invoice.customerOrganisationId,
            municipalityCode: invoice.municipalityCode,
            customer: invoice.customerSnapshot,
            purchaseOrderNumber: invoice.purchaseOrderNumber,
            note: `Correctie op ${invoice.number}: ${item.reasons.join('; ')}`,
            credits: { id: invoice.id, number: invoice.number },
            ...totals,
            lines: crediting.map(({ source, amountCents }) => creditLine(invoice.number, source.line, amountCents)),
          },
        ],
        { renderPdfs: false },
      );
      issued += 1;
    }
    return issued;
  }
}

/**
 * A supplementary invoice for what was billed too little, with today's customer details, naming
 * the original (when there is one) in its text and as the preceding invoice; held like a run's
 * invoice when the customer has no address.
 */
function supplement(
  context: RunContext,
  item: BillingDifference,
  original: InvoiceDocumentEntity | null,
  due: readonly ComputedParticipant[],
  customer: { organisation: { id: string; name: string }; details: CustomerBillingRow },
): { document: DocumentToIssue } | { held: HeldCustomer } {
  const { organisation, details } = customer;
  const missing = readinessGaps('INVOICE', details);
  if (missing.includes('invoiceAddress'))
    return { held: { customerOrganisationId: organisation.id, municipalityCode: item.municipalityCode, missing } };
  const dueLines = due.find((p) => p.code === item.municipalityCode)!.lines;
  const amountCents = item.differenceCents;
  const line = {
    municipalityCode: item.municipalityCode,
    description: `${original ? `Aanvulling op ${original.number}: ` : ''}${dueLines[dueLines.length - 1].description}`,
    calculation: `${item.reasons.join('; ')}: verschuldigd EUR ${euro(item.dueCents)}, gefactureerd EUR ${euro(item.billedCents)}`,
    inhabitants: dueLines[0].inhabitants,
    perInhabitant: dueLines[dueLines.length - 1].perInhabitant,
    periodStart: dueLines.map((l) => l.periodStart).reduce(minDate),
    periodEnd: dueLines.map((l) => l.periodEnd).reduce(maxDate),
    days: dueLines.reduce((days, l) => days + l.days, 0),
    daysInYear: dueLines[0].daysInYear,
    amountCents,
    approximationNote: dueLines.find((l) => l.approximationNote)?.approximationNote ?? null,
    creditsLineNumber: null,
  };
  const document: DocumentToIssue = {
    customerOrganisationId: organisation.id,
    municipalityCode: item.municipalityCode,
    customer: customerSnapshot(organisation.name, details),
    purchaseOrderNumber: details.purchaseOrder,
    note: original ? `Aanvullende factuur op ${original.number}: ${item.reasons.join('; ')}` : item.reasons.join('; '),
    credits: null,
    supplements: original ? { id: original.id, number: original.number } : null,
    ...documentTotals([line], context.contract.vatRate),
    lines: [line],
  };
  return { document };
}

const euro = (amount: Cents) => (amount / 100).toFixed(2).replace('.', ',');
