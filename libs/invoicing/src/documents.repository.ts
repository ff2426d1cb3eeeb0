import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { containsPattern, orderBy, SortValue } from '@wmo/common';
import { Cents, cents, IsoDate } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { InvoiceDocumentEntity } from './document.entities';
import { ContractSnapshot, DocumentStatus, DocumentType, PartySnapshot } from './invoicing.constants';

/**
 * The status of a document, computed on every read from its payments and credit notes (never
 * stored, so never stale): invoices OPEN, PARTIALLY_PAID, PAID, OVERDUE or CREDITED; credit notes
 * are settled (PAID); allocation statements are settled through the municipal fund (SETTLED_VIA_FUND). `$1` is the day the status is judged on. The one
 * definition of a document's status: every read below goes through it.
 */
const WITH_STATUS = `
  SELECT d.id, x.paid::text AS paid, x.credited::text AS credited,
         CASE WHEN d.type = 'ALLOCATION_STATEMENT' THEN 'SETTLED_VIA_FUND'
              WHEN d.type <> 'INVOICE' THEN 'PAID'
              WHEN x.credited >= d.total_cents THEN 'CREDITED'
              WHEN x.paid >= d.total_cents - x.credited THEN 'PAID'
              WHEN d.due_date < $1::date THEN 'OVERDUE'
              WHEN x.paid > 0 THEN 'PARTIALLY_PAID'
              ELSE 'OPEN' END AS status
    FROM invoice_document d,
         LATERAL (SELECT (SELECT coalesce(sum(p.amount_cents), 0) FROM payment p WHERE p.document_id = d.id) AS paid,
                         (SELECT coalesce(sum(c.total_cents), 0) FROM invoice_document c WHERE c.credited_document_id = d.id) AS credited) x`;

/** A document's status with what it was derived from. */
export interface DocumentStatusRow {
  id: string;
  paidCents: Cents;
  creditedCents: Cents;
  status: DocumentStatus;
}

interface RawStatusRow {
  id: string;
  paid: string;
  credited: string;
  status: DocumentStatus;
}

const statusRow = (row: RawStatusRow): DocumentStatusRow => ({
  id: row.id,
  paidCents: cents(row.paid),
  creditedCents: cents(row.credited),
  status: row.status,
});

/** The list's filters; every one optional. */
export interface DocumentFilter {
  /** Issue year. */
  year?: number;
  /** The year the billed period starts in. */
  periodYear?: number;
  type?: DocumentType;
  municipality?: string;
  contract?: string;
  run?: string;
  status?: DocumentStatus;
  /** Plain text: a word of the customer's name from its start, or anywhere in the municipality code or the document number. */
  q?: string;
}

/** The list's sortable fields as SQL over `d` and `s` (see filtered). */
const DOCUMENT_ORDER = {
  number: 'd.number',
  issueDate: 'd.issue_date',
  dueDate: 'd.due_date',
  totalCents: 'd.total_cents',
  outstandingCents: `CASE WHEN d.type = 'INVOICE' THEN greatest(d.total_cents - s.paid::bigint - s.credited::bigint, 0) ELSE 0 END`,
  municipality: `d.customer_snapshot->>'name'`,
  status: 's.status',
} as const;

export type DocumentSort = SortValue<keyof typeof DOCUMENT_ORDER>;

/** The asked order, ties by number in the same direction (pages never overlap). */
function documentOrder(sort: DocumentSort): string {
  return orderBy(sort, DOCUMENT_ORDER, sort.startsWith('-') ? 'd.number DESC' : 'd.number ASC');
}

/** Per year: the invoices' payments, and what is outstanding before and after the due date. */
export interface DocumentYearSummary {
  year: number;
  invoiceCount: number;
  paidCents: Cents;
  openCents: Cents;
  overdueCents: Cents;
}

/** Sums over every document that passes the filters. */
export interface DocumentListTotals {
  total: number;
  netInvoicedCents: Cents;
  allocatedCents: Cents;
  paidCents: Cents;
  outstandingCents: Cents;
}

/** A document in a municipality's year (the compliance report), with its status. */
export interface DocumentSummary {
  id: string;
  type: DocumentType;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  contractReference: string;
  totalCents: Cents;
  paidCents: Cents;
  creditedCents: Cents;
  status: DocumentStatus;
}

/** An invoice past its due date with something outstanding. */
export interface OverdueInvoice {
  id: string;
  number: string;
  supplierId: string;
  supplierName: string;
  customerOrganisationId: string;
  customerName: string;
  municipalityCode: string | null;
  dueDate: IsoDate;
  totalCents: Cents;
  outstandingCents: Cents;
}

/** A row of the finance export. */
export interface DocumentExportRow {
  number: string;
  type: DocumentType;
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** null for a central invoice. */
  municipalityCode: string | null;
  customer: string;
  contract: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  referenceDate: IsoDate;
  subtotalCents: Cents;
  vatCents: Cents;
  totalCents: Cents;
  status: DocumentStatus;
  paidCents: Cents;
  creditedCents: Cents;
  purchaseOrder: string | null;
}

/** What a new document holds beyond what all documents of its issue share. */
export interface NewDocumentRow {
  type: DocumentType;
  number: string;
  customerOrganisationId: string;
  municipalityCode: string | null;
  creditedDocumentId: string | null;
  supplementsDocumentId: string | null;
  replacesDocumentId: string | null;
  subtotalCents: Cents;
  vatCents: Cents;
  purchaseOrderNumber: string | null;
  note: string | null;
  customer: PartySnapshot;
}

/** What every document of one issue shares. */
export interface DocumentTerms {
  runId: string | null;
  contractId: string;
  contractingOrganisationId: string;
  supplierId: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  referenceDate: IsoDate;
  issueDate: IsoDate;
  dueDate: IsoDate;
  currency: string;
  vatCategory: string;
  vatRate: string;
  vatExemptionReason: string | null;
  paymentTermDays: number;
  supplier: PartySnapshot;
  /** An allocation statement's issuer: the contracting party (null: the supplier issues). */
  issuer?: PartySnapshot | null;
  contract: ContractSnapshot;
}

/** `$first` onwards: the filter's conditions, and their values in order. */
function filterClause(filter: DocumentFilter, first: number): { where: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    values.push(value);
    clauses.push(clause.replace('?', `$${first + values.length - 1}`));
  };
  if (filter.year) add(`extract(year FROM d.issue_date) = ?`, filter.year);
  if (filter.periodYear) add(`extract(year FROM d.period_start) = ?`, filter.periodYear);
  if (filter.type) add(`d.type = ?`, filter.type);
  if (filter.municipality) add(`d.municipality_code = ?`, filter.municipality);
  if (filter.contract) add(`d.contract_id = ?`, filter.contract);
  if (filter.run) add(`d.run_id = ?`, filter.run);
  const pattern = containsPattern(filter.q);
  if (pattern) {
    // A word of the name from its start ("Assen" is Gemeente Assen, not Wassenaar), the code or the number anywhere.
    const n = `$${first + values.length}`; // the one parameter the conditions share
    const wordStart = (separator: string) => `d.customer_snapshot->>'name' ILIKE '%${separator}' || substr(${n}, 2)`;
    add(
      `(d.customer_snapshot->>'name' ILIKE substr(?, 2) OR ${wordStart(' ')} OR ${wordStart('-')} OR ${wordStart("''")}
        OR d.municipality_code ILIKE ${n} OR d.number ILIKE ${n})`,
      pattern,
    );
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values };
}

/** The documents that pass the filter, with their status, as `s` joined to `d`; `$1` is the day. */
function filtered(filter: DocumentFilter): { from: string; values: unknown[] } {
  const { where, values } = filterClause(filter, 2);
  const status = filter.status ? `WHERE s.status = $${values.length + 2}` : '';
  return {
    from: `(${WITH_STATUS} ${where}) s JOIN invoice_document d ON d.id = s.id ${status}`,
    values: filter.status ? [...values, filter.status] : values,
  };
}

/** The invoice_document table: issued documents (append-only) and their status. */
@Injectable()
export class DocumentsRepository {
  byId(tx: Transaction, id: string): Promise<InvoiceDocumentEntity | null> {
    return tx.manager.findOneBy(InvoiceDocumentEntity, { id });
  }

  byIds(tx: Transaction, ids: readonly string[]): Promise<InvoiceDocumentEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return tx.manager.findBy(InvoiceDocumentEntity, { id: In([...ids]) });
  }

  /** The credit notes of these invoices, by number. */
  /** The invoice that replaced this one, if any. */
  replacementOf(tx: Transaction, invoiceId: string): Promise<InvoiceDocumentEntity | null> {
    return tx.manager.findOneBy(InvoiceDocumentEntity, { replacesDocumentId: invoiceId });
  }

  creditNotesOf(tx: Transaction, invoiceIds: readonly string[]): Promise<InvoiceDocumentEntity[]> {
    return tx.manager.find(InvoiceDocumentEntity, {
      where: { creditedDocumentId: In([...invoiceIds]) },
      order: { number: 'ASC' },
    });
  }

  async status(tx: Transaction, id: string, today: IsoDate): Promise<DocumentStatusRow | null> {
    const [row] = await tx.manager.query<RawStatusRow[]>(`${WITH_STATUS} WHERE d.id = $2`, [today, id]);
    return row ? statusRow(row) : null;
  }

  /** A page of the documents that pass the filter in the asked order, ties by number in the same direction. */
  async page(
    tx: Transaction,
    filter: DocumentFilter,
    page: { page: number; limit: number; sort: DocumentSort },
    today: IsoDate,
  ): Promise<DocumentStatusRow[]> {
    const { from, values } = filtered(filter);
    const rows = await tx.manager.query<RawStatusRow[]>(
      `SELECT s.* FROM ${from}
        ORDER BY ${documentOrder(page.sort)}
        LIMIT $${values.length + 2} OFFSET $${values.length + 3}`,
      [today, ...values, page.limit, (page.page - 1) * page.limit],
    );
    return rows.map(statusRow);
  }

  async totals(tx: Transaction, filter: DocumentFilter, today: IsoDate): Promise<DocumentListTotals> {
    const { from, values } = filtered(filter);
    const [sums] = await tx.manager.query<
      Array<{ total: number; net: string; allocated: string; paid: string; outstanding: string }>
    >(
      `SELECT count(*)::int AS total,
              coalesce(sum(CASE d.type WHEN 'INVOICE' THEN d.total_cents WHEN 'CREDIT_NOTE' THEN -d.total_cents ELSE 0 END), 0)::text AS net,
              coalesce(sum(d.total_cents) FILTER (WHERE d.type = 'ALLOCATION_STATEMENT'), 0)::text AS allocated,
              coalesce(sum(s.paid::bigint) FILTER (WHERE d.type = 'INVOICE'), 0)::text AS paid,
              coalesce(sum(greatest(d.total_cents - s.paid::bigint - s.credited::bigint, 0)) FILTER (WHERE d.type = 'INVOICE'), 0)::text AS outstanding
         FROM ${from}`,
      [today, ...values],
    );
    return {
      total: sums.total,
      netInvoicedCents: cents(sums.net),
      allocatedCents: cents(sums.allocated),
      paidCents: cents(sums.paid),
      outstandingCents: cents(sums.outstanding),
    };
  }

  /**
   * The invoices that pass the filter per issue year (or period year): paid, open and overdue as
   * the list's status judges them on `today` (outstanding after payments and credit notes).
   */
  async yearSummary(
    tx: Transaction,
    filter: DocumentFilter,
    by: 'year' | 'periodYear',
    today: IsoDate,
  ): Promise<DocumentYearSummary[]> {
    // Only invoices are paid or fall due: another type asked for has nothing to sum.
    if (filter.type && filter.type !== 'INVOICE') return [];
    const { from, values } = filtered({ ...filter, type: 'INVOICE' });
    const column = by === 'year' ? 'd.issue_date' : 'd.period_start';
    const rows = await tx.manager.query<
      Array<{ year: number; count: number; paid: string; open: string; overdue: string }>
    >(
      `SELECT extract(year FROM ${column})::int AS year, count(*)::int AS count,
              coalesce(sum(s.paid::bigint), 0)::text AS paid,
              coalesce(sum(greatest(d.total_cents - s.paid::bigint - s.credited::bigint, 0)) FILTER (WHERE s.status <> 'OVERDUE'), 0)::text AS open,
              coalesce(sum(greatest(d.total_cents - s.paid::bigint - s.credited::bigint, 0)) FILTER (WHERE s.status = 'OVERDUE'), 0)::text AS overdue
         FROM ${from}
        GROUP BY 1 ORDER BY 1`,
      [today, ...values],
    );
    return rows.map((row) => ({
      year: row.year,
      invoiceCount: row.count,
      paidCents: cents(row.paid),
      openCents: cents(row.open),
      overdueCents: cents(row.overdue),
    }));
  }

  /**
   * The documents about one municipality whose billed period starts in `year`, by issue date and
   * number. Central invoices (to the contracting party, a line per municipality) are not about one
   * municipality and are not included.
   */
  async forMunicipalityYear(tx: Transaction, code: string, year: number, today: IsoDate): Promise<DocumentSummary[]> {
    const rows = await tx.manager.query<
      Array<Omit<DocumentSummary, 'totalCents' | 'paidCents' | 'creditedCents'> & RawStatusRow & { total: string }>
    >(
      `SELECT d.id, d.type, d.number, d.issue_date AS "issueDate", d.due_date AS "dueDate", d.period_start AS "periodStart",
              d.period_end AS "periodEnd", d.contract_snapshot->>'reference' AS "contractReference",
              d.total_cents::text AS total, s.paid, s.credited, s.status
         FROM (${WITH_STATUS} WHERE d.municipality_code = $2 AND extract(year FROM d.period_start) = $3) s JOIN invoice_document d ON d.id = s.id
        ORDER BY d.issue_date, d.number`,
      [today, code, year],
    );
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      number: r.number,
      issueDate: r.issueDate,
      dueDate: r.dueDate,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      contractReference: r.contractReference,
      totalCents: cents(r.total),
      paidCents: cents(r.paid),
      creditedCents: cents(r.credited),
      status: r.status,
    }));
  }

  /** Invoices past their due date on `day` with something outstanding (status OVERDUE), by due date and number. */
  async overdue(tx: Transaction, day: IsoDate): Promise<OverdueInvoice[]> {
    const rows = await tx.manager.query<
      Array<Omit<OverdueInvoice, 'totalCents' | 'outstandingCents'> & { total: string; outstanding: string }>
    >(
      `SELECT d.id, d.number, d.supplier_id AS "supplierId", d.supplier_snapshot->>'name' AS "supplierName",
              d.customer_organisation_id AS "customerOrganisationId", d.customer_snapshot->>'name' AS "customerName",
              d.municipality_code AS "municipalityCode", d.due_date AS "dueDate", d.total_cents::text AS total,
              (d.total_cents - s.paid::bigint - s.credited::bigint)::text AS outstanding
         FROM (${WITH_STATUS} WHERE d.type = 'INVOICE' AND d.due_date < $1::date) s JOIN invoice_document d ON d.id = s.id
        WHERE s.status = 'OVERDUE' ORDER BY d.due_date, d.number`,
      [day],
    );
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      supplierId: r.supplierId,
      supplierName: r.supplierName,
      customerOrganisationId: r.customerOrganisationId,
      customerName: r.customerName,
      municipalityCode: r.municipalityCode,
      dueDate: r.dueDate,
      totalCents: cents(r.total),
      outstandingCents: cents(r.outstanding),
    }));
  }

  /** Every document that passes the list's filters, in the list's order (the export). */
  async exportRows(
    tx: Transaction,
    filter: DocumentFilter,
    sort: DocumentSort,
    today: IsoDate,
  ): Promise<DocumentExportRow[]> {
    type Raw = Omit<DocumentExportRow, 'subtotalCents' | 'vatCents' | 'totalCents' | 'paidCents' | 'creditedCents'> &
      Record<'subtotal' | 'vat' | 'total' | 'paid' | 'credited', string>;
    const { from, values } = filtered(filter);
    const rows = await tx.manager.query<Raw[]>(
      `SELECT d.number, d.type, d.issue_date AS "issueDate", d.due_date AS "dueDate",
              d.municipality_code AS "municipalityCode", d.customer_snapshot->>'name' AS customer,
              d.contract_snapshot->>'reference' AS contract, d.period_start AS "periodStart", d.period_end AS "periodEnd",
              d.reference_date AS "referenceDate", d.subtotal_cents::text AS subtotal, d.vat_cents::text AS vat,
              d.total_cents::text AS total, s.status, s.paid, s.credited,
              d.purchase_order_number AS "purchaseOrder"
         FROM ${from}
        ORDER BY ${documentOrder(sort)}`,
      [today, ...values],
    );
    return rows.map(({ subtotal, vat, total, paid, credited, ...row }) => ({
      ...row,
      subtotalCents: cents(subtotal),
      vatCents: cents(vat),
      totalCents: cents(total),
      paidCents: cents(paid),
      creditedCents: cents(credited),
    }));
  }

  /** The VAT of the credit notes on an invoice so far. */
  async creditedVat(tx: Transaction, invoiceId: string): Promise<Cents> {
    const [{ vat }] = await tx.manager.query<[{ vat: string }]>(
      `SELECT coalesce(sum(vat_cents), 0)::text AS vat FROM invoice_document WHERE credited_document_id = $1`,
      [invoiceId],
    );
    return cents(vat);
  }

  /**
   * Credit notes and payments on one invoice, one at a time: both read what is left and write
   * against it, so the second waits until the first has committed (and then sees it).
   */
  async lockForCorrection(tx: Transaction, invoiceId: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 11))`, [invoiceId]);
  }

  /** The same for many invoices in one statement, taken in the order given (sort the ids: no deadlock). */
  async lockAllForCorrection(tx: Transaction, invoiceIds: readonly string[]): Promise<void> {
    if (invoiceIds.length === 0) return;
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended(id, 11)) FROM unnest($1::text[]) AS id`, [
      invoiceIds,
    ]);
  }

  /** Inserts documents that share their terms: one statement for any number; their ids by number. */
  async insert(
    tx: Transaction,
    terms: DocumentTerms,
    documents: readonly NewDocumentRow[],
  ): Promise<Array<{ id: string; number: string }>> {
    if (documents.length === 0) return [];
    return tx.manager.query<Array<{ id: string; number: string }>>(
      `INSERT INTO invoice_document (type, number, run_id, contract_id, contracting_organisation_id, supplier_id, customer_organisation_id, municipality_code,
                                     credited_document_id, period_start, period_end, reference_date, issue_date, due_date, currency, subtotal_cents, vat_cents,
                                     total_cents, vat_category, vat_rate, vat_exemption_reason, purchase_order_number, payment_term_days, note,
                                     supplier_snapshot, customer_snapshot, contract_snapshot, supplements_document_id, replaces_document_id, issuer_snapshot)
       SELECT t.type, t.number, $1, $2, $3, $4, t.customer, t.municipality, t.credited, $5, $6, $7, $8, $9, $10, t.subtotal, t.vat, t.subtotal + t.vat,
              $11, $12, $13, t.po, $14, t.note, $15::jsonb, t.customer_snapshot::jsonb, $16::jsonb, t.supplements, t.replaces, $29::jsonb
         FROM unnest($17::varchar[], $18::varchar[], $19::uuid[], $20::varchar[], $21::uuid[], $22::bigint[], $23::bigint[], $24::varchar[], $25::text[], $26::text[], $27::uuid[], $28::uuid[])
              AS t(type, number, customer, municipality, credited, subtotal, vat, po, note, customer_snapshot, supplements, replaces)
       RETURNING id, number`,
      [
        terms.runId,
        terms.contractId,
        terms.contractingOrganisationId,
        terms.supplierId,
        terms.periodStart,
        terms.periodEnd,
        terms.referenceDate,
        terms.issueDate,
        terms.dueDate,
        terms.currency,
        terms.vatCategory,
        terms.vatRate,
        terms.vatExemptionReason,
        terms.paymentTermDays,
        JSON.stringify(terms.supplier),
        JSON.stringify(terms.contract),
        documents.map((d) => d.type),
        documents.map((d) => d.number),
        documents.map((d) => d.customerOrganisationId),
        documents.map((d) => d.municipalityCode),
        documents.map((d) => d.creditedDocumentId),
        documents.map((d) => d.subtotalCents),
        documents.map((d) => d.vatCents),
        documents.map((d) => d.purchaseOrderNumber),
        documents.map((d) => d.note),
        documents.map((d) => JSON.stringify(d.customer)),
        documents.map((d) => d.supplementsDocumentId),
        documents.map((d) => d.replacesDocumentId),
        terms.issuer ? JSON.stringify(terms.issuer) : null,
      ],
    );
  }
}
