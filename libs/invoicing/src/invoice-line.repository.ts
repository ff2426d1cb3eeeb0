import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Cents, cents, IsoDate } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { InvoiceLineEntity } from './document.entities';
import type { BilledLine } from './billing-differences.rules';
import type { ChargedLine } from './invoice-line.rules';

/** A line to insert: description and calculation apart (lines issued before kept them in one text). */
export interface NewLineRow extends ChargedLine {
  documentId: string;
  lineNumber: number;
  creditsLineNumber: number | null;
}

/** The invoice_line table: the lines of issued documents (append-only). */
@Injectable()
export class InvoiceLineRepository {
  /** The lines of these documents, by document and line number. */
  ofDocuments(tx: Transaction, documentIds: readonly string[]): Promise<InvoiceLineEntity[]> {
    if (documentIds.length === 0) return Promise.resolve([]);
    return tx.manager.find(InvoiceLineEntity, {
      where: { documentId: In([...documentIds]) },
      order: { documentId: 'ASC', lineNumber: 'ASC' },
    });
  }

  /**
   * What the credit notes on an invoice have credited so far, per line of the invoice (under null:
   * lines of credit notes issued before credit lines named the line they credit).
   */
  async creditedPerLine(tx: Transaction, invoiceId: string): Promise<Map<number | null, Cents>> {
    const rows = await tx.manager.query<Array<{ line: number | null; subtotal: string }>>(
      `SELECT l.credits_line_number AS line, sum(l.amount_cents)::text AS subtotal
         FROM invoice_document c JOIN invoice_line l ON l.document_id = c.id
        WHERE c.credited_document_id = $1 GROUP BY l.credits_line_number`,
      [invoiceId],
    );
    return new Map(rows.map((row) => [row.line, cents(row.subtotal)]));
  }

  /**
   * Every line the transaction can see of the contract's documents for periods within `period`
   * (invoices, allocation statements and the credit notes on them, which carry their invoice's
   * period), with its document: what has been billed for it.
   */
  async billedInPeriod(
    tx: Transaction,
    contractId: string,
    period: { from: IsoDate; to: IsoDate },
  ): Promise<BilledLine[]> {
    const rows = await tx.manager.query<Array<Omit<BilledLine, 'amountCents'> & { amount: string }>>(
      `SELECT d.id AS "documentId", d.number, d.type, l.municipality_code AS "municipalityCode", l.amount_cents::text AS amount,
              l.days, l.days_in_year AS "daysInYear", l.inhabitants, l.per_inhabitant::text AS "perInhabitant",
              l.period_start AS "periodStart", l.period_end AS "periodEnd", d.reference_date AS "referenceDate"
         FROM invoice_document d JOIN invoice_line l ON l.document_id = d.id
        WHERE d.contract_id = $1 AND d.period_start >= $2 AND d.period_end <= $3 AND l.municipality_code IS NOT NULL
        ORDER BY l.municipality_code, d.number, l.line_number`,
      [contractId, period.from, period.to],
    );
    return rows.map(({ amount, ...line }) => ({ ...line, amountCents: cents(amount) }));
  }

  /** The periods of the contract's issued documents that end on or after `from`: those a change from then reaches. */
  async issuedPeriodsFrom(
    tx: Transaction,
    contractId: string,
    from: IsoDate,
  ): Promise<Array<{ from: IsoDate; to: IsoDate }>> {
    return tx.manager.query(
      `SELECT DISTINCT period_start AS "from", period_end AS "to" FROM invoice_document
        WHERE contract_id = $1 AND period_end >= $2 ORDER BY 1, 2`,
      [contractId, from],
    );
  }

  /** The contracts and periods with an issued line for one of these municipalities computed on one of these CBS dates. */
  async issuedOnReferenceDates(
    tx: Transaction,
    referenceDates: readonly IsoDate[],
    codes: readonly string[],
  ): Promise<Array<{ contractId: string; from: IsoDate; to: IsoDate }>> {
    return tx.manager.query(
      `SELECT DISTINCT d.contract_id AS "contractId", d.period_start AS "from", d.period_end AS "to"
         FROM invoice_document d JOIN invoice_line l ON l.document_id = d.id
        WHERE d.reference_date = ANY($1::date[]) AND l.municipality_code = ANY($2::varchar[])
        ORDER BY 1, 2, 3`,
      [referenceDates, codes],
    );
  }

  /** One statement for any number of lines. */
  async insert(tx: Transaction, lines: readonly NewLineRow[]): Promise<void> {
    if (lines.length === 0) return;
    await tx.manager.query(
      `INSERT INTO invoice_line (document_id, line_number, municipality_code, description, calculation, inhabitants, per_inhabitant,
                                 period_start, period_end, days, days_in_year, amount_cents, approximation_note, credits_line_number)
       SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::varchar[], $4::varchar[], $5::varchar[], $6::integer[], $7::numeric[],
                            $8::date[], $9::date[], $10::smallint[], $11::smallint[], $12::bigint[], $13::text[], $14::smallint[])`,
      [
        lines.map((l) => l.documentId),
        lines.map((l) => l.lineNumber),
        lines.map((l) => l.municipalityCode),
        lines.map((l) => l.description),
        lines.map((l) => l.calculation),
        lines.map((l) => l.inhabitants),
        lines.map((l) => l.perInhabitant),
        lines.map((l) => l.periodStart),
        lines.map((l) => l.periodEnd),
        lines.map((l) => l.days),
        lines.map((l) => l.daysInYear),
        lines.map((l) => l.amountCents),
        lines.map((l) => l.approximationNote),
        lines.map((l) => l.creditsLineNumber),
      ],
    );
  }
}
