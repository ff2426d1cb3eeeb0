import { Injectable } from '@nestjs/common';
import { orderBy, SortValue } from '@wmo/common';
import { Cents, cents, IsoDate } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { In } from 'typeorm';
import type { RunKind, RunStatus } from './invoicing.constants';
import { InvoiceRunEntity, RunRequestEntity } from './run.entities';

/** The billing details an issued document lacked, by participant code ('central' for a central invoice). */
export interface RunGap {
  code: string;
  missing: string[];
  /** How many documents of the run lack something, listed or not. */
  total: number;
}

/** A customer a run holds: its details lack an address (`missing` as customerGaps says). */
export interface HeldCustomer {
  customerOrganisationId: string;
  /** Null for the central invoice. */
  municipalityCode: string | null;
  missing: string[];
}

export interface NewRun {
  /** INVOICE unless said otherwise. */
  kind?: RunKind;
  contractId: string;
  contractingOrganisationId: string;
  supplierId: string;
  period: { from: IsoDate; to: IsoDate };
  referenceDate: IsoDate;
  idempotencyKey: string;
  requestHash: string;
  requestedByOrganisationId: string;
  requestedByUserId: string | null;
}

/** The run list's filters; every one optional. */
export interface RunFilter {
  contract?: string;
  supplier?: string;
  status?: RunStatus;
  kind?: RunKind;
  /** The year the period starts in. */
  year?: number;
}

/** The run list's sortable fields as SQL over `r` and its figures `n`. */
const RUN_ORDER = {
  createdAt: 'r.created_at',
  periodStart: 'r.period_start',
  totalCents: 'n.total',
} as const;

export type RunSort = SortValue<keyof typeof RUN_ORDER>;

/** A run in the list, with its contract, supplier and figures. */
export interface RunListRow {
  id: string;
  contractId: string;
  contractReference: string;
  contractTitle: string;
  supplierId: string;
  supplierName: string;
  kind: RunKind;
  status: RunStatus;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  referenceDate: IsoDate;
  documentCount: number;
  totalCents: Cents;
  heldCount: number;
  gapCount: number;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * A document of the run whose customer snapshot lacks what `gaps` lists (the same four things),
 * for counting them without listing.
 */
const HAS_GAP = `d.type <> 'ALLOCATION_STATEMENT' AND (d.customer_snapshot->>'oin' IS NULL
  OR d.customer_snapshot->>'street' IS NULL OR d.customer_snapshot->>'postalCode' IS NULL OR d.customer_snapshot->>'city' IS NULL
  OR d.customer_snapshot->>'email' IS NULL OR d.purchase_order_number IS NULL)`;

function runFilterClause(filter: RunFilter): { where: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    values.push(value);
    clauses.push(clause.replace('?', `$${values.length}`));
  };
  if (filter.contract) add('r.contract_id = ?', filter.contract);
  if (filter.supplier) add('r.supplier_id = ?', filter.supplier);
  if (filter.status) add('r.status = ?', filter.status);
  if (filter.kind) add('r.kind = ?', filter.kind);
  if (filter.year) add('extract(year FROM r.period_start) = ?', filter.year);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values };
}

/** The invoice_run table, and what a run reads of its own documents. */
@Injectable()
export class InvoiceRunRepository {
  byId(tx: Transaction, id: string): Promise<InvoiceRunEntity | null> {
    return tx.manager.findOneBy(InvoiceRunEntity, { id });
  }

  /**
   * A page of the runs you can see (row-level security: the contract's parties and the operator)
   * that pass the filter, and how many pass it. A completed run's count and total are those it
   * wrote; an unfinished one's are read from what it has issued so far (as toDto does).
   */
  async list(
    tx: Transaction,
    filter: RunFilter,
    page: { page: number; limit: number; sort: RunSort },
  ): Promise<{ rows: RunListRow[]; total: number }> {
    const { where, values } = runFilterClause(filter);
    const [{ total }] = await tx.manager.query<[{ total: number }]>(
      `SELECT count(*)::int AS total FROM invoice_run r JOIN contract c ON c.id = r.contract_id JOIN organisation o ON o.id = r.supplier_id ${where}`,
      values,
    );
    if (total === 0) return { rows: [], total };
    const rows = await tx.manager.query<Array<Omit<RunListRow, 'totalCents'> & { totalCents: string }>>(
      `SELECT r.id, r.contract_id AS "contractId", c.reference AS "contractReference", c.title AS "contractTitle",
              r.supplier_id AS "supplierId", o.name AS "supplierName", r.kind, r.status,
              r.period_start AS "periodStart", r.period_end AS "periodEnd", r.reference_date AS "referenceDate",
              n.documents AS "documentCount", n.total::text AS "totalCents",
              (SELECT count(*)::int FROM invoice_run_held h WHERE h.run_id = r.id) AS "heldCount",
              (SELECT count(*)::int FROM invoice_document d WHERE d.run_id = r.id AND ${HAS_GAP}) AS "gapCount",
              r.created_at AS "createdAt", r.finished_at AS "finishedAt"
         FROM invoice_run r
         JOIN contract c ON c.id = r.contract_id
         JOIN organisation o ON o.id = r.supplier_id,
              LATERAL (SELECT CASE WHEN r.status = 'COMPLETED' THEN r.document_count ELSE count(*)::int END AS documents,
                              CASE WHEN r.status = 'COMPLETED' THEN r.total_cents
                                   ELSE coalesce(sum(CASE WHEN d.type = 'CREDIT_NOTE' THEN -d.total_cents ELSE d.total_cents END), 0) END AS total
                         FROM invoice_document d WHERE d.run_id = r.id AND r.status <> 'COMPLETED') n
         ${where}
        ORDER BY ${orderBy(page.sort, RUN_ORDER, page.sort.startsWith('-') ? 'r.id DESC' : 'r.id ASC')}
        LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, page.limit, (page.page - 1) * page.limit],
    );
    return { rows: rows.map((row) => ({ ...row, totalCents: cents(row.totalCents) })), total };
  }

  /**
   * Binds the organisation's Idempotency-Key to this request, unless it is bound already: then the
   * binding made first (its request and its run). A second transaction binding the same key waits
   * until the first has committed.
   */
  async bindKey(
    tx: Transaction,
    organisationId: string,
    key: string,
    requestHash: string,
  ): Promise<RunRequestEntity | null> {
    const inserted = await tx.manager.query<unknown[]>(
      `INSERT INTO run_request (requested_by_organisation_id, idempotency_key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (requested_by_organisation_id, idempotency_key) DO NOTHING RETURNING 1`,
      [organisationId, key, requestHash],
    );
    if (inserted.length) return null;
    return tx.manager.findOneBy(RunRequestEntity, { requestedByOrganisationId: organisationId, idempotencyKey: key });
  }

  /** The run a newly bound key was answered with. */
  async settleKey(
    tx: Transaction,
    organisationId: string,
    key: string,
    runId: string,
    createdRun: boolean,
  ): Promise<void> {
    await tx.manager.update(
      RunRequestEntity,
      { requestedByOrganisationId: organisationId, idempotencyKey: key },
      { runId, createdRun },
    );
  }

  /** One request per contract at a time, until the transaction ends. */
  async lockContract(tx: Transaction, contractId: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 12))`, [contractId]);
  }

  /** A run of the contract overlapping the period: the one for exactly this period first, else the earliest. */
  async overlapping(
    tx: Transaction,
    contractId: string,
    period: { from: IsoDate; to: IsoDate },
  ): Promise<{ id: string; periodStart: IsoDate; periodEnd: IsoDate } | null> {
    const [row] = await tx.manager.query<Array<{ id: string; periodStart: IsoDate; periodEnd: IsoDate }>>(
      `SELECT id, period_start AS "periodStart", period_end AS "periodEnd" FROM invoice_run
        WHERE contract_id = $1 AND period_start <= $3 AND period_end >= $2 AND kind = 'INVOICE'
        ORDER BY (period_start = $2 AND period_end = $3) DESC, period_start LIMIT 1`,
      [contractId, period.from, period.to],
    );
    return row ?? null;
  }

  /** A QUEUED run; its id. */
  async insert(tx: Transaction, run: NewRun): Promise<string> {
    const [inserted] = await tx.manager.query<Array<{ id: string }>>(
      `INSERT INTO invoice_run (contract_id, contracting_organisation_id, supplier_id, period_start, period_end, reference_date, status,
                                idempotency_key, request_hash, requested_by_organisation_id, requested_by_user_id, kind)
       VALUES ($1, $2, $3, $4, $5, $6, 'QUEUED', $7, $8, $9, $10, $11) RETURNING id`,
      [
        run.contractId,
        run.contractingOrganisationId,
        run.supplierId,
        run.period.from,
        run.period.to,
        run.referenceDate,
        run.idempotencyKey,
        run.requestHash,
        run.requestedByOrganisationId,
        run.requestedByUserId,
        run.kind ?? 'INVOICE',
      ],
    );
    return inserted.id;
  }

  async markRunning(
    tx: Transaction,
    id: string,
    progress: { startedAt: Date; total: number; done: number },
  ): Promise<void> {
    await tx.manager.update(
      InvoiceRunEntity,
      { id },
      { status: 'RUNNING', startedAt: progress.startedAt, progressTotal: progress.total, progressDone: progress.done },
    );
  }

  async addProgress(tx: Transaction, id: string, issued: number): Promise<void> {
    await tx.manager.query(`UPDATE invoice_run SET progress_done = progress_done + $2 WHERE id = $1`, [id, issued]);
  }

  /** A correction run counts the municipalities with a difference, all done at once. */
  async setProgressOf(tx: Transaction, id: string, done: number, total: number): Promise<void> {
    await tx.manager.query(`UPDATE invoice_run SET progress_done = $2, progress_total = $3 WHERE id = $1`, [
      id,
      done,
      total,
    ]);
  }

  /** The municipalities the run has issued a document to or holds, in this or an earlier attempt. */
  async municipalitiesOf(tx: Transaction, runId: string): Promise<string[]> {
    const rows = await tx.manager.query<Array<{ code: string }>>(
      `SELECT municipality_code AS code FROM invoice_document WHERE run_id = $1 AND municipality_code IS NOT NULL
       UNION SELECT municipality_code FROM invoice_run_held WHERE run_id = $1 AND municipality_code IS NOT NULL`,
      [runId],
    );
    return rows.map((row) => row.code);
  }

  async setProgress(tx: Transaction, id: string, done: number): Promise<void> {
    await tx.manager.query(`UPDATE invoice_run SET progress_done = $2 WHERE id = $1`, [id, done]);
  }

  async complete(tx: Transaction, id: string, totals: { documents: number; totalCents: Cents }): Promise<void> {
    await tx.manager.update(
      InvoiceRunEntity,
      { id },
      {
        status: 'COMPLETED',
        documentCount: totals.documents,
        totalCents: totals.totalCents,
        finishedAt: new Date(),
        error: null,
      },
    );
  }

  /** A failed attempt that the job queue retries: the run keeps working, its error says what happened. */
  async noteFailedAttempt(tx: Transaction, id: string, error: string): Promise<void> {
    await tx.manager.update(InvoiceRunEntity, { id }, { error });
  }

  /** A FAILED run queued again (a resume); false when it is not FAILED. */
  async requeue(tx: Transaction, id: string): Promise<boolean> {
    const result = await tx.manager.update(
      InvoiceRunEntity,
      { id, status: 'FAILED' },
      { status: 'QUEUED', finishedAt: null },
    );
    return (result.affected ?? 0) > 0;
  }

  async fail(tx: Transaction, id: string, error: string): Promise<void> {
    await tx.manager.update(InvoiceRunEntity, { id }, { status: 'FAILED', error, finishedAt: new Date() });
  }

  /** How many documents the run has issued, and their total (net: a correction run's credit notes count against it). */
  async documentTotals(tx: Transaction, runId: string): Promise<{ documents: number; totalCents: Cents }> {
    const [row] = await tx.manager.query<Array<{ count: number; total: string }>>(
      `SELECT count(*)::int AS count,
              coalesce(sum(CASE WHEN type = 'CREDIT_NOTE' THEN -total_cents ELSE total_cents END), 0)::text AS total
         FROM invoice_document WHERE run_id = $1`,
      [runId],
    );
    return { documents: row.count, totalCents: cents(row.total) };
  }

  /** Which of these participants the run has done: issued their document or held them (a resumed run skips them). */
  async doneCodes(tx: Transaction, runId: string, codes: readonly string[]): Promise<Set<string>> {
    const rows = await tx.manager.query<Array<{ code: string }>>(
      `SELECT municipality_code AS code FROM invoice_document WHERE run_id = $1 AND municipality_code = ANY($2)
       UNION SELECT municipality_code FROM invoice_run_held WHERE run_id = $1 AND municipality_code = ANY($2)`,
      [runId, codes],
    );
    return new Set(rows.map((row) => row.code));
  }

  /** The contract's invoice runs, by period: what a correction run may correct. */
  invoiceRuns(tx: Transaction, contractId: string): Promise<InvoiceRunEntity[]> {
    return tx.manager.find(InvoiceRunEntity, { where: { contractId, kind: 'INVOICE' }, order: { periodStart: 'ASC' } });
  }

  /** A correction run of the contract for the period that has not finished (another request gets it). */
  unfinishedCorrection(
    tx: Transaction,
    contractId: string,
    period: { from: IsoDate; to: IsoDate },
  ): Promise<InvoiceRunEntity | null> {
    return tx.manager.findOne(InvoiceRunEntity, {
      where: {
        contractId,
        periodStart: period.from,
        periodEnd: period.to,
        kind: 'CORRECTION',
        status: In(['QUEUED', 'RUNNING']),
      },
    });
  }

  /** The run's row, locked until the transaction ends (a release waits for another). */
  async lockRun(tx: Transaction, id: string): Promise<InvoiceRunEntity | null> {
    return tx.manager.findOne(InvoiceRunEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Customers the run holds, with what they lack (written again when a resumed run holds them again). */
  async hold(tx: Transaction, run: InvoiceRunEntity, customers: readonly HeldCustomer[]): Promise<void> {
    if (customers.length === 0) return;
    await tx.manager.query(
      `INSERT INTO invoice_run_held (run_id, contracting_organisation_id, supplier_id, customer_organisation_id, municipality_code, missing)
       SELECT $1, $2, $3, t.organisation_id, t.code, string_to_array(t.missing, ',')
         FROM unnest($4::uuid[], $5::varchar[], $6::text[]) AS t(organisation_id, code, missing)
       ON CONFLICT (run_id, customer_organisation_id) DO UPDATE SET missing = EXCLUDED.missing`,
      [
        run.id,
        run.contractingOrganisationId,
        run.supplierId,
        customers.map((c) => c.customerOrganisationId),
        customers.map((c) => c.municipalityCode),
        customers.map((c) => c.missing.join(',')),
      ],
    );
  }

  /** Up to `limit` held customers of the run by code (the central invoice first), each with the total count. */
  held(tx: Transaction, runId: string, limit: number): Promise<Array<HeldCustomer & { total: number }>> {
    return tx.manager.query(
      `SELECT customer_organisation_id AS "customerOrganisationId", municipality_code AS "municipalityCode",
              missing::text[] AS missing, count(*) OVER ()::int AS total
         FROM invoice_run_held WHERE run_id = $1 ORDER BY municipality_code NULLS FIRST LIMIT $2`,
      [runId, limit],
    );
  }

  /** The participants held by the contract's runs for periods within `period`. */
  async heldCodesInPeriod(
    tx: Transaction,
    contractId: string,
    period: { from: IsoDate; to: IsoDate },
  ): Promise<Set<string>> {
    const rows = await tx.manager.query<Array<{ code: string }>>(
      `SELECT h.municipality_code AS code FROM invoice_run_held h JOIN invoice_run r ON r.id = h.run_id
        WHERE r.contract_id = $1 AND r.period_start >= $2 AND r.period_end <= $3 AND h.municipality_code IS NOT NULL`,
      [contractId, period.from, period.to],
    );
    return new Set(rows.map((row) => row.code));
  }

  /** The customers no longer held: their documents are issued. */
  async unhold(tx: Transaction, runId: string, organisationIds: readonly string[]): Promise<void> {
    await tx.manager.query(
      `DELETE FROM invoice_run_held WHERE run_id = $1 AND customer_organisation_id = ANY($2::uuid[])`,
      [runId, organisationIds],
    );
  }

  /** A completed run's count and total after a release issued more of its documents. */
  async recount(tx: Transaction, id: string, totals: { documents: number; totalCents: Cents }): Promise<void> {
    await tx.manager.update(
      InvoiceRunEntity,
      { id },
      { documentCount: totals.documents, totalCents: totals.totalCents },
    );
  }

  /** Up to `limit` documents of the run without a stored PDF. */
  async documentsWithoutPdf(tx: Transaction, runId: string, limit: number): Promise<string[]> {
    const rows = await tx.manager.query<Array<{ id: string }>>(
      `SELECT d.id FROM invoice_document d WHERE d.run_id = $1 AND NOT EXISTS (SELECT 1 FROM document_file f WHERE f.document_id = d.id) LIMIT $2`,
      [runId, limit],
    );
    return rows.map((row) => row.id);
  }

  /** A page of the run's documents after `afterNumber`, by number, with their stored PDF if any (the ZIP download). */
  documentPage(
    tx: Transaction,
    runId: string,
    afterNumber: string,
    limit: number,
  ): Promise<Array<{ id: string; number: string; supplierId: string; pdf: Buffer | null }>> {
    return tx.manager.query(
      `SELECT d.id, d.number, d.supplier_id AS "supplierId", f.pdf
         FROM invoice_document d LEFT JOIN document_file f ON f.document_id = d.id
        WHERE d.run_id = $1 AND d.number > $2 ORDER BY d.number LIMIT $3`,
      [runId, afterNumber, limit],
    );
  }

  /**
   * The billing details the run's documents lacked, read from their customer snapshots (the
   * address as ublGaps judges it: street, postal code and city), the first `limit` by code.
   */
  gaps(tx: Transaction, runId: string, limit: number): Promise<RunGap[]> {
    return tx.manager.query<RunGap[]>(
      `SELECT coalesce(d.municipality_code, 'central') AS code, g.missing, count(*) OVER ()::int AS total
         FROM invoice_document d,
              LATERAL (SELECT array_remove(ARRAY[
                CASE WHEN d.customer_snapshot->>'oin' IS NULL THEN 'oin' END,
                CASE WHEN d.customer_snapshot->>'street' IS NULL OR d.customer_snapshot->>'postalCode' IS NULL OR d.customer_snapshot->>'city' IS NULL THEN 'invoiceAddress' END,
                CASE WHEN d.customer_snapshot->>'email' IS NULL THEN 'invoiceEmail' END,
                CASE WHEN d.purchase_order_number IS NULL THEN 'purchaseOrderNumber' END], NULL)::text[] AS missing) g
        WHERE d.run_id = $1 AND d.type <> 'ALLOCATION_STATEMENT' AND cardinality(g.missing) > 0
        ORDER BY d.municipality_code NULLS FIRST
        LIMIT $2`,
      [runId, limit],
    );
  }
}
