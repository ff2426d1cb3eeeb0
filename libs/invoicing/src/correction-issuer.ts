import { Injectable } from '@nestjs/common';
import { Cents, maxDate, minDate, minusCents, ZERO_CENTS } from '@wmo/domain';
import type { PlatformTransaction } from '@wmo/tenancy';
import { BillingDifferencesService } from './billing-differences.service';
import type { BillingDifference } from './billing-differences.rules';
import { creditLine, creditNoteTerms } from './credit-notes.service';
import { allocateCorrection, CreditAllocation, CreditableLine, creditNoteTotals } from './credit-notes.rules';
import { DocumentIssuer, DocumentToIssue } from './document-issuer';
import type { InvoiceDocumentEntity, InvoiceLineEntity } from './document.entities';
import { DocumentsRepository } from './documents.repository';
import type { ComputedParticipant } from './invoice-calculator';
import { InvoiceLineRepository } from './invoice-line.repository';
import { RunContext, runTerms } from './invoice-run.context';
import { HeldCustomer, InvoiceRunRepository } from './invoice-run.repository';
import { customerSnapshot, documentTotals } from './invoicing.rules';
import { readinessGaps } from './readiness.rules';
import { BillableCustomer, RunDocuments } from './run-documents';

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
    private readonly runDocuments: RunDocuments,
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
    await this.documents.lockAllForCorrection(tx, invoiceIds);
    const { items, due } = await this.differences.compute(tx, contract, period, run.referenceDate);
    const differing = items.filter((item) => item.differenceCents !== 0);
    const invoices = new Map((await this.documents.byIds(tx, invoiceIds)).map((d) => [d.id, d]));
    const latestFirst = (item: BillingDifference) =>
      item.documents
        .filter((d) => d.type === 'INVOICE')
        .map((d) => invoices.get(d.id)!)
        .sort((a, b) => (a.number < b.number ? 1 : -1));
    const over = differing.filter((item) => item.differenceCents < 0);
    const short = differing.filter((item) => item.differenceCents > 0);
    const central = contract.fundingModel === 'CENTRAL_INVOICE';
    let issued = 0;
    // Billed too much: a credit note per invoice concerned, by line (a central invoice: one for all its municipalities).
    if (central) issued += await this.credit(tx, context, over, [...new Set(over.flatMap(latestFirst))]);
    else for (const item of over) issued += await this.credit(tx, context, [item], latestFirst(item));
    // Billed too little: supplementary invoices with today's customer details, issued in one issue.
    const { supplements, held } = central
      ? await this.centralSupplement(tx, context, short, due, latestFirst)
      : await this.supplements(tx, context, short, due, latestFirst);
    issued += (await this.issuer.issue(tx, runTerms(context), supplements, { renderPdfs: false })).length;
    await this.runs.hold(tx, run, held);
    // A worker that takes the run over after an earlier one committed finds those differences gone: they count as done.
    const corrected = new Set([
      ...differing.map((item) => item.municipalityCode),
      ...(await this.runs.municipalitiesOf(tx, run.id)),
    ]);
    await this.runs.setProgressOf(tx, run.id, corrected.size, corrected.size);
    return issued;
  }

  /** One supplementary invoice per municipality billed too little, to the municipality; held without an address. */
  private async supplements(
    tx: PlatformTransaction,
    context: RunContext,
    short: readonly BillingDifference[],
    due: readonly ComputedParticipant[],
    latestFirst: (item: BillingDifference) => InvoiceDocumentEntity[],
  ): Promise<{ supplements: DocumentToIssue[]; held: HeldCustomer[] }> {
    const customers = await this.runDocuments.municipalCustomers(
      tx,
      context,
      short.map((item) => item.municipalityCode),
    );
    const supplements: DocumentToIssue[] = [];
    const held: HeldCustomer[] = [];
    for (const item of short) {
      const customer = customers.get(item.municipalityCode)!;
      const original = latestFirst(item)[0] ?? null;
      const supplementary = supplement(context, [item], original, due, customer, item.municipalityCode);
      if ('held' in supplementary) held.push(supplementary.held);
      else supplements.push(supplementary.document);
    }
    return { supplements, held };
  }

  /** CENTRAL_INVOICE: one supplementary invoice to the contracting party, a line per municipality; held whole without an address. */
  private async centralSupplement(
    tx: PlatformTransaction,
    context: RunContext,
    short: readonly BillingDifference[],
    due: readonly ComputedParticipant[],
    latestFirst: (item: BillingDifference) => InvoiceDocumentEntity[],
  ): Promise<{ supplements: DocumentToIssue[]; held: HeldCustomer[] }> {
    if (short.length === 0) return { supplements: [], held: [] };
    const customer = await this.runDocuments.contractingCustomer(tx, context);
    const original = short.flatMap(latestFirst).sort((a, b) => (a.number < b.number ? 1 : -1))[0] ?? null;
    const supplementary = supplement(context, short, original, due, customer, null);
    return 'held' in supplementary
      ? { supplements: [], held: [supplementary.held] }
      : { supplements: [supplementary.document], held: [] };
  }

  /**
   * Credit notes for what was billed too much: the latest invoice first, its last lines first,
   * never more than is left on a line; one credit note per invoice for every municipality it
   * credits (one on a per-participant invoice, several on a central invoice).
   */
  private async credit(
    tx: PlatformTransaction,
    context: RunContext,
    items: readonly BillingDifference[],
    invoices: readonly InvoiceDocumentEntity[],
  ): Promise<number> {
    const remaining = new Map(
      items.map((item) => [item.municipalityCode, minusCents(ZERO_CENTS, item.differenceCents)]),
    );
    let issued = 0;
    for (const invoice of invoices) {
      const open = items.filter((item) => remaining.get(item.municipalityCode)! > 0);
      if (open.length === 0) break;
      const invoiceLines = await this.lines.ofDocuments(tx, [invoice.id]);
      const creditedPerLine = await this.lines.creditedPerLine(tx, invoice.id);
      const crediting: Array<CreditAllocation<CreditableInvoiceLine>> = [];
      const credited: BillingDifference[] = [];
      for (const item of open) {
        const allocation = allocateCorrection(
          invoiceLines
            .filter((line) => line.municipalityCode === item.municipalityCode)
            .map((line) => ({
              line,
              lineNumber: line.lineNumber,
              amountCents: line.amountCents,
              creditedCents: creditedPerLine.get(line.lineNumber) ?? ZERO_CENTS,
            })),
          remaining.get(item.municipalityCode)!,
        );
        remaining.set(item.municipalityCode, allocation.remaining);
        if (allocation.crediting.length) credited.push(item);
        crediting.push(...allocation.crediting);
      }
      if (crediting.length === 0) continue;
      crediting.sort((a, b) => a.source.lineNumber - b.source.lineNumber);
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
            note: `Correctie op ${invoice.number}: ${explained(credited)}`,
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

/** An invoice line as a correction credits it. */
type CreditableInvoiceLine = CreditableLine & { line: InvoiceLineEntity };

/** The reasons of one municipality, or of several with their names. */
const explained = (items: readonly BillingDifference[]) =>
  items.length === 1
    ? items[0].reasons.join('; ')
    : items.map((item) => `${item.name} (${item.municipalityCode}): ${item.reasons.join('; ')}`).join(' | ');

/**
 * A supplementary invoice for what was billed too little, a line per municipality, with today's
 * customer details, naming the original (when there is one) in its text and as the preceding
 * invoice; held like a run's invoice when the customer has no address.
 */
function supplement(
  context: RunContext,
  items: readonly BillingDifference[],
  original: InvoiceDocumentEntity | null,
  due: readonly ComputedParticipant[],
  customer: BillableCustomer,
  municipalityCode: string | null,
): { document: DocumentToIssue } | { held: HeldCustomer } {
  const { organisation } = customer;
  const missing = readinessGaps('INVOICE', customer.details);
  if (missing.includes('invoiceAddress') || !customer.details)
    return { held: { customerOrganisationId: organisation.id, municipalityCode, missing } };
  const details = customer.details;
  const lines = items.map((item) => supplementLine(item, original, due));
  const document: DocumentToIssue = {
    customerOrganisationId: organisation.id,
    municipalityCode,
    customer: customerSnapshot(organisation.name, details),
    purchaseOrderNumber: details.purchaseOrder,
    note: original ? `Aanvullende factuur op ${original.number}: ${explained(items)}` : explained(items),
    credits: null,
    supplements: original ? { id: original.id, number: original.number } : null,
    ...documentTotals(lines, context.contract.vatRate),
    lines,
  };
  return { document };
}

/** One municipality's difference as a line: what is due now against what was billed. */
function supplementLine(
  item: BillingDifference,
  original: InvoiceDocumentEntity | null,
  due: readonly ComputedParticipant[],
) {
  const dueLines = due.find((p) => p.code === item.municipalityCode)!.lines;
  return {
    municipalityCode: item.municipalityCode,
    description: `${original ? `Aanvulling op ${original.number}: ` : ''}${dueLines[dueLines.length - 1].description}`,
    calculation: `${item.reasons.join('; ')}: verschuldigd EUR ${euro(item.dueCents)}, gefactureerd EUR ${euro(item.billedCents)}`,
    inhabitants: dueLines[0].inhabitants,
    perInhabitant: dueLines[dueLines.length - 1].perInhabitant,
    periodStart: dueLines.map((l) => l.periodStart).reduce(minDate),
    periodEnd: dueLines.map((l) => l.periodEnd).reduce(maxDate),
    days: dueLines.reduce((days, l) => days + l.days, 0),
    daysInYear: dueLines[0].daysInYear,
    amountCents: item.differenceCents,
    approximationNote: dueLines.find((l) => l.approximationNote)?.approximationNote ?? null,
    creditsLineNumber: null,
  };
}

const euro = (amount: Cents) => (amount / 100).toFixed(2).replace('.', ',');
