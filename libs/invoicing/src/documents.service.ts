import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { RequestValidationError, toCsv } from '@wmo/common';
import {
  cents,
  centsToDecimal,
  creditNoteVatCents,
  formatEuroCents,
  tariffDecimal,
  todayInAmsterdam,
  yearOf,
} from '@wmo/domain';
import { EventPublisher } from '@wmo/notifications';
import { hasRole, isOperator, ScopedDatabase, TenantTransaction, UnscopedDatabase } from '@wmo/tenancy';
import {
  CreateCreditNoteDto,
  CreatePaymentDto,
  DocumentPageDto,
  InvoiceDocumentDto,
  ListDocumentsQuery,
} from './dto/invoicing.dto';
import { renderDocumentPdf } from './invoice-pdf';
import { DocumentStatus, InvoiceDocumentEntity, InvoiceLineEntity, PaymentEntity } from './invoicing.entities';
import { documentNotFound, InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import { formatDocumentNumber, reserveNumbers } from './numbering';
import { issuedEvent } from './issued-event';
import { loadPrintables } from './printable';
import { buildUbl, UblProfile, ublGaps } from './ubl';

interface DocumentRow {
  id: string;
  paid: string;
  credited: string;
  status: DocumentStatus;
}

/**
 * The status of a document, computed on every read from its payments and credit notes (never
 * stored, so never stale): invoices OPEN, PARTIALLY_PAID, PAID, OVERDUE or CREDITED; credit notes
 * and allocation statements are settled (PAID).
 */
const WITH_STATUS = `
  SELECT d.id, x.paid::text AS paid, x.credited::text AS credited,
         CASE WHEN d.type <> 'INVOICE' THEN 'PAID'
              WHEN x.credited >= d.total_cents THEN 'CREDITED'
              WHEN x.paid >= d.total_cents - x.credited THEN 'PAID'
              WHEN d.due_date < $1::date THEN 'OVERDUE'
              WHEN x.paid > 0 THEN 'PARTIALLY_PAID'
              ELSE 'OPEN' END AS status
    FROM invoice_document d,
         LATERAL (SELECT (SELECT coalesce(sum(p.amount_cents), 0) FROM payment p WHERE p.document_id = d.id) AS paid,
                         (SELECT coalesce(sum(c.total_cents), 0) FROM invoice_document c WHERE c.credited_document_id = d.id) AS credited) x`;

export interface DocumentSummary {
  id: string;
  type: string;
  number: string;
  issueDate: string;
  dueDate: string;
  periodStart: string;
  periodEnd: string;
  contractReference: string;
  totalCents: number;
  paidCents: number;
  creditedCents: number;
  status: DocumentStatus;
}

/**
 * The documents about one municipality whose billed period starts in `year`, with their status,
 * in the caller's transaction (row-level security applies). Central invoices (to the contracting
 * party, a line per municipality) are not about one municipality and are not included.
 */
export async function documentsForMunicipalityYear(
  manager: EntityManager,
  code: string,
  year: number,
): Promise<DocumentSummary[]> {
  const rows = await manager.query<Array<Record<string, string>>>(
    `SELECT d.id, d.type, d.number, d.issue_date, d.due_date, d.period_start, d.period_end, d.contract_snapshot->>'reference' AS contract,
            d.total_cents::text AS total, s.paid, s.credited, s.status
       FROM (${WITH_STATUS} WHERE d.municipality_code = $2 AND extract(year FROM d.period_start) = $3) s JOIN invoice_document d ON d.id = s.id
      ORDER BY d.issue_date, d.number`,
    [todayInAmsterdam(), code, year],
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    number: r.number,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    contractReference: r.contract,
    totalCents: Number(r.total),
    paidCents: Number(r.paid),
    creditedCents: Number(r.credited),
    status: r.status as DocumentStatus,
  }));
}

export interface OverdueInvoice {
  id: string;
  number: string;
  supplierId: string;
  supplierName: string;
  customerOrganisationId: string;
  customerName: string;
  municipalityCode: string | null;
  dueDate: string;
  totalCents: number;
  outstandingCents: number;
}

/** Invoices past their due date on `day` with something outstanding (status OVERDUE), in the caller's transaction. */
export async function overdueInvoices(manager: EntityManager, day: string): Promise<OverdueInvoice[]> {
  const rows = await manager.query<Array<Record<string, string>>>(
    `SELECT d.id, d.number, d.supplier_id, d.supplier_snapshot->>'name' AS supplier, d.customer_organisation_id, d.customer_snapshot->>'name' AS customer,
            d.municipality_code, d.due_date, d.total_cents::text AS total, (d.total_cents - s.paid::bigint - s.credited::bigint)::text AS outstanding
       FROM (${WITH_STATUS} WHERE d.type = 'INVOICE' AND d.due_date < $1::date) s JOIN invoice_document d ON d.id = s.id
      WHERE s.status = 'OVERDUE' ORDER BY d.due_date, d.number`,
    [day],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    supplierId: r.supplier_id,
    supplierName: r.supplier,
    customerOrganisationId: r.customer_organisation_id,
    customerName: r.customer,
    municipalityCode: r.municipality_code,
    dueDate: r.due_date,
    totalCents: Number(r.total),
    outstandingCents: Number(r.outstanding),
  }));
}

@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly unscoped: UnscopedDatabase,
    private readonly publisher: EventPublisher,
  ) {}

  list(query: ListDocumentsQuery): Promise<DocumentPageDto> {
    return this.db.transaction(async (tx) => {
      const { where, params } = filters(query, 2);
      const rows = await tx.manager.query<DocumentRow[]>(
        `SELECT s.* FROM (${WITH_STATUS} ${where}) s
           JOIN invoice_document d ON d.id = s.id
          ${query.status ? `WHERE s.status = $${params.length + 2}` : ''}
          ORDER BY d.issue_date DESC, d.number DESC
          LIMIT ${query.limit} OFFSET ${(query.page - 1) * query.limit}`,
        [todayInAmsterdam(), ...params, ...(query.status ? [query.status] : [])],
      );
      const items = await this.toDtos(tx.manager, rows);
      const [sums] = await tx.manager.query<
        Array<Record<'total' | 'net' | 'allocated' | 'paid' | 'outstanding', string>>
      >(
        `SELECT count(*) AS total,
                coalesce(sum(CASE d.type WHEN 'INVOICE' THEN d.total_cents WHEN 'CREDIT_NOTE' THEN -d.total_cents ELSE 0 END), 0) AS net,
                coalesce(sum(d.total_cents) FILTER (WHERE d.type = 'ALLOCATION_STATEMENT'), 0) AS allocated,
                coalesce(sum(s.paid::bigint) FILTER (WHERE d.type = 'INVOICE'), 0) AS paid,
                coalesce(sum(greatest(d.total_cents - s.paid::bigint - s.credited::bigint, 0)) FILTER (WHERE d.type = 'INVOICE'), 0) AS outstanding
           FROM (${WITH_STATUS} ${where}) s
           JOIN invoice_document d ON d.id = s.id
          ${query.status ? `WHERE s.status = $${params.length + 2}` : ''}`,
        [todayInAmsterdam(), ...params, ...(query.status ? [query.status] : [])],
      );
      const totals = {
        netInvoicedCents: Number(sums.net),
        allocatedCents: Number(sums.allocated),
        paidCents: Number(sums.paid),
        outstandingCents: Number(sums.outstanding),
      };
      return { items, total: Number(sums.total), totals, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<InvoiceDocumentDto> {
    return this.db.transaction(async (tx) => (await this.toDtos(tx.manager, [await this.row(tx, id)]))[0]);
  }

  /** The stored PDF (rendered first if a worker did not get to it yet). */
  pdf(id: string): Promise<{ number: string; pdf: Buffer }> {
    return this.db.transaction(async (tx) => {
      const document = await tx.manager.findOneBy(InvoiceDocumentEntity, { id });
      if (!document) throw documentNotFound(id);
      return { number: document.number, pdf: await pdfOf(tx.manager, id, mayStorePdf(tx, document.supplierId)) };
    });
  }

  /** The PDFs of a run's documents you can see, in number order, a page of 100 per transaction (the ZIP download). */
  async *runPdfs(runId: string): AsyncGenerator<{ number: string; pdf: Buffer }> {
    let after = '';
    for (;;) {
      const page = await this.db.transaction(async (tx) => {
        const rows = await tx.manager.query<
          Array<{ id: string; number: string; supplierId: string; pdf: Buffer | null }>
        >(
          `SELECT d.id, d.number, d.supplier_id AS "supplierId", f.pdf
             FROM invoice_document d LEFT JOIN document_file f ON f.document_id = d.id
            WHERE d.run_id = $1 AND d.number > $2 ORDER BY d.number LIMIT 100`,
          [runId, after],
        );
        const files: Array<{ number: string; pdf: Buffer }> = [];
        for (const row of rows)
          files.push({
            number: row.number,
            pdf: row.pdf ?? (await pdfOf(tx.manager, row.id, mayStorePdf(tx, row.supplierId))),
          });
        return files;
      });
      if (page.length === 0) return;
      yield* page;
      after = page[page.length - 1].number;
    }
  }

  ubl(id: string, profile: UblProfile): Promise<{ number: string; xml: string }> {
    return this.db.transaction(async (tx) => {
      const [printable] = await loadPrintables(tx.manager, [id]);
      if (!printable) throw documentNotFound(id);
      if (printable.type === 'ALLOCATION_STATEMENT') {
        throw new InvoicingError(
          InvoicingErrorCode.EInvoiceIncomplete,
          'An allocation statement is not an invoice: it has no e-invoice. Download its PDF.',
          { missing: ['not-an-invoice'] },
        );
      }
      const gaps = ublGaps(printable);
      if (gaps.length) {
        throw new InvoicingError(
          InvoicingErrorCode.EInvoiceIncomplete,
          `No valid e-invoice can be made: ${gaps.map((gap) => gap.text).join('; ')}. The PDF is available; complete the billing details and issue a credit note and a new invoice if an e-invoice is required.`,
          { gaps: gaps.map((gap) => gap.text), missing: gaps.map((gap) => gap.code) },
        );
      }
      return {
        number: printable.number,
        xml: buildUbl(
          { ...printable, pdf: await pdfOf(tx.manager, id, mayStorePdf(tx, printable.supplierId)) },
          profile,
        ),
      };
    });
  }

  /** Corrects an invoice (fully, or some of its lines): a new, numbered credit note; the invoice itself never changes. */
  async creditNote(id: string, dto: CreateCreditNoteDto): Promise<InvoiceDocumentDto> {
    const { creditNote, customerOrganisationId } = await this.issueCreditNote(id, dto);
    // The customer's webhooks are not the issuer's to see: sent as the platform, after the credit note is committed.
    await this.unscoped.unscopedSystemTransaction(({ manager }) =>
      this.publisher.publish(manager, [
        issuedEvent({ ...creditNote, credits: creditNote.credits?.number ?? null, customerOrganisationId }),
      ]),
    );
    return creditNote;
  }

  private issueCreditNote(
    id: string,
    dto: CreateCreditNoteDto,
  ): Promise<{ creditNote: InvoiceDocumentDto; customerOrganisationId: string }> {
    return this.db.transaction(async (tx) => {
      const row = await this.row(tx, id);
      const invoice = await this.findIssued(tx, id);
      if (invoice.type !== 'INVOICE')
        throw new InvoicingError(
          InvoicingErrorCode.NotCreditable,
          `${invoice.number} is ${invoice.type === 'CREDIT_NOTE' ? 'a credit note' : 'an allocation statement'}; only invoices are credited.`,
        );
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 11))`, [id]);
      const lines = await tx.manager.find(InvoiceLineEntity, {
        where: { documentId: id },
        order: { lineNumber: 'ASC' },
      });
      const earlier = await tx.manager.query<Array<{ line: number; subtotal: string }>>(
        `SELECT l.credits_line_number AS line, sum(l.amount_cents)::text AS subtotal
           FROM invoice_document c JOIN invoice_line l ON l.document_id = c.id
          WHERE c.credited_document_id = $1 GROUP BY l.credits_line_number`,
        [id],
      );
      const [{ vat: creditedVat }] = await tx.manager.query<[{ vat: string }]>(
        `SELECT coalesce(sum(vat_cents), 0)::text AS vat FROM invoice_document WHERE credited_document_id = $1`,
        [id],
      );
      const creditedOn = (line: InvoiceLineEntity) =>
        Number(earlier.find((e) => e.line === line.lineNumber)?.subtotal ?? 0);
      const leftOn = (line: InvoiceLineEntity) => Number(line.amountCents) - creditedOn(line);
      let creditLines: Array<{ source: InvoiceLineEntity; amountCents: number }>;
      if (dto.lines) {
        creditLines = dto.lines.map((requested, i) => {
          const source = lines.find((line) => line.lineNumber === requested.lineNumber);
          if (!source)
            throw new RequestValidationError([
              { field: `lines.${i}.lineNumber`, message: `${invoice.number} has no line ${requested.lineNumber}` },
            ]);
          if (dto.lines!.findIndex((other) => other.lineNumber === requested.lineNumber) < i) {
            throw new RequestValidationError([
              {
                field: `lines.${i}.lineNumber`,
                message: `line ${requested.lineNumber} is named twice; give one amount per line`,
              },
            ]);
          }
          if (requested.amountCents > leftOn(source)) {
            throw new InvoicingError(
              InvoicingErrorCode.CreditTooLarge,
              `EUR ${centsToDecimal(leftOn(source))} of line ${requested.lineNumber} (EUR ${centsToDecimal(Number(source.amountCents))}) is left to credit; it cannot be credited for EUR ${centsToDecimal(requested.amountCents)}.`,
              { lineNumber: requested.lineNumber, remainingCents: leftOn(source) },
            );
          }
          return { source, amountCents: requested.amountCents };
        });
      } else {
        creditLines = lines
          .map((source) => ({ source, amountCents: leftOn(source) }))
          .filter((line) => line.amountCents > 0);
        if (creditLines.length === 0)
          throw new InvoicingError(
            InvoicingErrorCode.CreditTooLarge,
            `${invoice.number} has been credited in full already.`,
            { remainingCents: 0 },
          );
      }
      const subtotal = creditLines.reduce((sum, line) => sum + line.amountCents, 0);
      const vat = creditNoteVatCents({
        ratePercent: invoice.vatRate,
        creditedBeforeCents: cents(earlier.reduce((sum, line) => sum + Number(line.subtotal), 0)),
        creditedVatBeforeCents: cents(creditedVat),
        creditingCents: cents(subtotal),
      });
      const issueDate = todayInAmsterdam();
      const year = yearOf(issueDate);
      const sequence = await reserveNumbers(tx.manager, invoice.supplierId, 'CREDIT_NOTE', year, 1);
      const prefix = invoice.number.split('-')[0];
      const {
        id: _id,
        number: _number,
        createdAt: _created,
        runId: _run,
        creditedDocumentId: _credited,
        ...copy
      } = invoice;
      const note = `Creditnota op ${invoice.number}: ${dto.reason}`;
      const creditNote = await tx.manager.save(
        InvoiceDocumentEntity,
        tx.manager.create(InvoiceDocumentEntity, {
          ...copy,
          type: 'CREDIT_NOTE',
          number: formatDocumentNumber(prefix, 'CREDIT_NOTE', year, sequence),
          runId: null,
          creditedDocumentId: invoice.id,
          issueDate,
          dueDate: issueDate,
          subtotalCents: String(subtotal),
          vatCents: String(vat),
          totalCents: String(subtotal + vat),
          note,
        }),
      );
      await tx.manager.insert(
        InvoiceLineEntity,
        creditLines.map((line, i) => ({
          documentId: creditNote.id,
          lineNumber: i + 1,
          municipalityCode: line.source.municipalityCode,
          description: creditDescription(invoice.number, line.source, line.amountCents),
          inhabitants: line.source.inhabitants,
          perInhabitant: line.source.perInhabitant,
          periodStart: line.source.periodStart,
          periodEnd: line.source.periodEnd,
          days: line.source.days,
          daysInYear: line.source.daysInYear,
          amountCents: String(line.amountCents),
          approximationNote: line.source.approximationNote,
          creditsLineNumber: line.source.lineNumber,
        })),
      );
      await pdfOf(tx.manager, creditNote.id);
      await tx.audit({
        action: 'invoice.credited',
        entityType: 'invoice',
        entityId: invoice.id,
        organisationId: invoice.supplierId,
        before: { status: row.status },
        after: { creditNote: creditNote.number, totalCents: subtotal + vat, reason: dto.reason },
      });
      return {
        creditNote: (await this.toDtos(tx.manager, [await this.row(tx, creditNote.id)]))[0],
        customerOrganisationId: creditNote.customerOrganisationId,
      };
    });
  }

  /** Records a payment on an invoice; more than is outstanding, or on a credited invoice, is refused. */
  pay(id: string, dto: CreatePaymentDto): Promise<InvoiceDocumentDto> {
    return this.db.transaction(async (tx) => {
      const invoice = await this.findIssued(tx, id);
      if (invoice.type !== 'INVOICE')
        throw new InvoicingError(
          InvoicingErrorCode.PaymentRefused,
          `${invoice.number} is not an invoice; payments are recorded on invoices.`,
        );
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 11))`, [id]);
      const row = await this.row(tx, id);
      if (row.status === 'CREDITED')
        throw new InvoicingError(
          InvoicingErrorCode.PaymentRefused,
          `${invoice.number} has been credited in full; no payment can be recorded on it.`,
        );
      const outstanding = Number(invoice.totalCents) - Number(row.credited) - Number(row.paid);
      if (dto.amountCents > outstanding) {
        throw new InvoicingError(
          InvoicingErrorCode.Overpayment,
          `EUR ${centsToDecimal(outstanding)} is outstanding on ${invoice.number}; a payment of EUR ${centsToDecimal(dto.amountCents)} is more than that.`,
          { outstandingCents: outstanding },
        );
      }
      if (dto.date < invoice.issueDate)
        throw new RequestValidationError([
          { field: 'date', message: `date must not be before the invoice date ${invoice.issueDate}` },
        ]);
      if (dto.date > todayInAmsterdam())
        throw new RequestValidationError([
          { field: 'date', message: 'date must not be in the future; record a payment once it is received' },
        ]);
      await tx.manager.insert(PaymentEntity, {
        documentId: id,
        supplierId: invoice.supplierId,
        amountCents: String(dto.amountCents),
        paidOn: dto.date,
        reference: dto.reference,
        recordedByUserId: tx.principal.userId,
      });
      await tx.audit({
        action: 'invoice.payment-recorded',
        entityType: 'invoice',
        entityId: id,
        organisationId: invoice.supplierId,
        before: { status: row.status },
        after: { ...dto },
      });
      return (await this.toDtos(tx.manager, [await this.row(tx, id)]))[0];
    });
  }

  /** All documents of an issue year as CSV for finance systems (amounts in euros with a dot). */
  exportCsv(year: number): Promise<string> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.manager.query<Array<Record<string, string>>>(
        `SELECT d.number, d.type, d.issue_date, d.due_date, coalesce(d.municipality_code, '') AS municipality_code, d.customer_snapshot->>'name' AS customer,
                d.contract_snapshot->>'reference' AS contract, d.period_start, d.period_end, d.reference_date,
                d.subtotal_cents::text AS subtotal, d.vat_cents::text AS vat, d.total_cents::text AS total, s.status, s.paid, s.credited,
                coalesce(d.purchase_order_number, '') AS purchase_order
           FROM (${WITH_STATUS} WHERE extract(year FROM d.issue_date) = $2) s JOIN invoice_document d ON d.id = s.id
          ORDER BY d.number`,
        [todayInAmsterdam(), year],
      );
      const header = [
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
      return toCsv(
        header,
        rows.map((r) => [
          r.number,
          r.type,
          r.issue_date,
          r.due_date,
          r.municipality_code,
          r.customer,
          r.contract,
          r.period_start,
          r.period_end,
          r.reference_date,
          centsToDecimal(Number(r.subtotal)),
          centsToDecimal(Number(r.vat)),
          centsToDecimal(Number(r.total)),
          'EUR',
          r.status,
          centsToDecimal(Number(r.paid)),
          centsToDecimal(Number(r.credited)),
          centsToDecimal(r.type === 'INVOICE' ? Number(r.total) - Number(r.paid) - Number(r.credited) : 0),
          r.purchase_order,
        ]),
      );
    });
  }

  /** For a write: an issued document the caller may change (the issuing supplier's FINANCE or PROVIDER_ADMIN, or an operator). */
  private async findIssued(tx: TenantTransaction, id: string): Promise<InvoiceDocumentEntity> {
    const document = await tx.manager.findOneBy(InvoiceDocumentEntity, { id });
    if (!document) throw documentNotFound(id);
    const issuer =
      tx.principal.organisationId === document.supplierId &&
      (hasRole(tx.principal, 'FINANCE') || hasRole(tx.principal, 'PROVIDER_ADMIN'));
    if (!isOperator(tx.principal) && !issuer)
      throw new InvoicingError(
        InvoicingErrorCode.NotAllowed,
        `Only the issuer of ${document.number} (its FINANCE or PROVIDER_ADMIN) can credit it or record payments.`,
      );
    return document;
  }

  private async row(tx: TenantTransaction, id: string): Promise<DocumentRow> {
    const [row] = await tx.manager.query<DocumentRow[]>(`${WITH_STATUS} WHERE d.id = $2`, [todayInAmsterdam(), id]);
    if (!row) throw documentNotFound(id);
    return row;
  }

  private async toDtos(manager: EntityManager, rows: DocumentRow[]): Promise<InvoiceDocumentDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    // One after another: a transaction's queries share one connection.
    const documents = await manager.findBy(InvoiceDocumentEntity, { id: In(ids) });
    const lines = await manager.find(InvoiceLineEntity, {
      where: { documentId: In(ids) },
      order: { lineNumber: 'ASC' },
    });
    const payments = await manager.find(PaymentEntity, {
      where: { documentId: In(ids) },
      order: { paidOn: 'ASC', createdAt: 'ASC' },
    });
    const creditNotes = await manager.find(InvoiceDocumentEntity, {
      where: { creditedDocumentId: In(ids) },
      order: { number: 'ASC' },
    });
    const creditedIds = documents.map((d) => d.creditedDocumentId).filter((x): x is string => !!x);
    const credited = creditedIds.length ? await manager.findBy(InvoiceDocumentEntity, { id: In(creditedIds) }) : [];
    return rows.map((row) => {
      const d = documents.find((doc) => doc.id === row.id)!;
      const creditedDoc = credited.find((c) => c.id === d.creditedDocumentId);
      const paid = Number(row.paid);
      const creditedCents = Number(row.credited);
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
        dueDate: d.dueDate,
        status: row.status,
        currency: d.currency,
        subtotalCents: Number(d.subtotalCents),
        vatCents: Number(d.vatCents),
        totalCents: Number(d.totalCents),
        paidCents: paid,
        creditedCents,
        outstandingCents: d.type === 'INVOICE' ? Math.max(0, Number(d.totalCents) - paid - creditedCents) : 0,
        vatCategory: d.vatCategory,
        vatRate: d.vatRate,
        vatExemptionReason: d.vatExemptionReason,
        purchaseOrderNumber: d.purchaseOrderNumber,
        supplierName: d.supplierSnapshot.name,
        customerName: d.customerSnapshot.name,
        lines: lines
          .filter((l) => l.documentId === d.id)
          .map((l) => {
            const [description, calculation = ''] = l.description.split(' | ');
            return {
              lineNumber: l.lineNumber,
              municipalityCode: l.municipalityCode,
              description,
              calculation,
              inhabitants: l.inhabitants,
              perInhabitant: tariffDecimal(l.perInhabitant),
              period: { start: l.periodStart, end: l.periodEnd },
              days: l.days,
              amountCents: Number(l.amountCents),
              approximationNote: l.approximationNote,
            };
          }),
        creditNotes: creditNotes
          .filter((c) => c.creditedDocumentId === d.id)
          .map((c) => ({ id: c.id, number: c.number, totalCents: Number(c.totalCents) })),
        credits: creditedDoc
          ? { id: creditedDoc.id, number: creditedDoc.number, totalCents: Number(creditedDoc.totalCents) }
          : null,
        payments: payments
          .filter((p) => p.documentId === d.id)
          .map((p) => ({ id: p.id, amountCents: Number(p.amountCents), date: p.paidOn, reference: p.reference })),
      };
    });
  }
}

/** A credit line names the invoice line it credits; a partial credit says of how much, instead of the calculation it does not follow. */
function creditDescription(invoiceNumber: string, source: InvoiceLineEntity, amountCents: number): string {
  const [description, calculation = ''] = source.description.split(' | ');
  const full = amountCents === Number(source.amountCents);
  return `Creditering ${invoiceNumber} regel ${source.lineNumber}: ${description} | ${full ? calculation : `gedeeltelijk: EUR ${formatEuroCents(amountCents)} van EUR ${formatEuroCents(Number(source.amountCents))}`}`;
}

/** The document's PDF, rendering and storing it if it is not there yet. */
/**
 * A document's PDF: the stored one, or rendered now. Stored only when `store` (the issuer and the
 * operator may write document files; a customer who is first to ask gets it rendered, and the
 * worker stores it).
 */
export async function pdfOf(manager: EntityManager, id: string, store = true): Promise<Buffer> {
  const [stored] = await manager.query<Array<{ pdf: Buffer }>>(`SELECT pdf FROM document_file WHERE document_id = $1`, [
    id,
  ]);
  if (stored) return stored.pdf;
  const [printable] = await loadPrintables(manager, [id]);
  const pdf = await renderDocumentPdf(printable);
  if (store)
    await manager.query(
      `INSERT INTO document_file (document_id, pdf) VALUES ($1, $2) ON CONFLICT (document_id) DO NOTHING`,
      [id, pdf],
    );
  return pdf;
}

/** Whether the caller may store a document's PDF (row-level security lets the issuer and the operator write document files). */
function mayStorePdf(tx: TenantTransaction, supplierId: string): boolean {
  return isOperator(tx.principal) || tx.principal.organisationId === supplierId;
}

function filters(query: ListDocumentsQuery, firstParameter: number): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replace('?', `$${firstParameter + params.length - 1}`));
  };
  if (query.year) add(`extract(year FROM d.issue_date) = ?`, query.year);
  if (query.type) add(`d.type = ?`, query.type);
  if (query.municipality) add(`d.municipality_code = ?`, query.municipality);
  if (query.contract) add(`d.contract_id = ?`, query.contract);
  if (query.run) add(`d.run_id = ?`, query.run);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
