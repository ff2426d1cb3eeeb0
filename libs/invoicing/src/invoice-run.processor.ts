import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ContractEntity, DutyEntity, FundingModel, ProviderEntity } from '@wmo/contracts';
import { cents, dueDate, todayInAmsterdam, vatAmountCents, yearOf } from '@wmo/domain';
import { OrganisationEntity } from '@wmo/identity';
import { EventPublisher } from '@wmo/notifications';
import { JobInterrupted } from '@wmo/jobs';
import { UnscopedDatabase } from '@wmo/tenancy';
import {
  CalculationContext,
  ComputedParticipant,
  InvoiceCalculator,
  loadCalculationContext,
} from './invoice-calculator';
import { renderDocumentPdf } from './invoice-pdf';
import { DocumentType, InvoiceRunEntity, PartySnapshot } from './invoicing.entities';
import { issuedEvent } from './issued-event';
import { formatDocumentNumber, reserveNumbers } from './numbering';
import { loadPrintables } from './printable';

export const INVOICING_OPTIONS = Symbol('INVOICING_OPTIONS');

export interface InvoicingOptions {
  /** Participants per issuing transaction. */
  batchSize: number;
  /** A pause after each batch: only for tests that stop a worker in the middle of a run. */
  batchDelayMs: number;
}

interface RunContext {
  run: InvoiceRunEntity;
  contract: ContractEntity;
  provider: ProviderEntity;
  contracting: OrganisationEntity;
  duty: DutyEntity;
  issueDate: string;
  numberYear: number;
  type: DocumentType;
  calculation: CalculationContext;
}

interface NewDocument {
  type: DocumentType;
  municipalityCode: string | null;
  customerOrganisationId: string;
  customer: PartySnapshot;
  purchaseOrderNumber: string | null;
  participants: ComputedParticipant[];
}

export const fundingDocumentType = (model: FundingModel): DocumentType =>
  model === 'FUND_WITHHOLDING' ? 'ALLOCATION_STATEMENT' : 'INVOICE';

export function supplierSnapshot(provider: ProviderEntity): PartySnapshot {
  return {
    name: provider.legalName,
    kvkNumber: provider.kvkNumber,
    vatId: provider.vatId,
    iban: provider.iban,
    street: provider.street,
    postalCode: provider.postalCode,
    city: provider.city,
    countryCode: provider.countryCode,
    email: provider.email,
  };
}

/**
 * Executes an invoice run (a pg-boss job). Participants are issued in batches; each batch is one
 * transaction that reserves its numbers and inserts its documents and lines, so a worker that
 * dies leaves only whole batches behind and burns no number. A retried job resumes after the last
 * issued participant and reaches the same end state; a session lock keeps a second worker out.
 * PDFs are rendered after each batch's transaction (rendering again is always possible).
 *
 * The job works for the platform, not for a caller: its queries are unscoped by name.
 */
@Injectable()
export class InvoiceRunProcessor {
  private readonly logger = new Logger('InvoiceRuns');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unscoped: UnscopedDatabase,
    private readonly publisher: EventPublisher,
    @Inject(INVOICING_OPTIONS) private readonly options: InvoicingOptions,
  ) {}

  async process(runId: string, stopping?: AbortSignal): Promise<void> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 7)) AS locked`, [runId]);
      if (!locked) throw new Error(`Invoice run ${runId} is being processed by another worker`);
      try {
        await this.execute(runId, stopping);
      } catch (error) {
        if (error instanceof JobInterrupted) throw error;
        this.logger.error({ err: error, runId }, 'Invoice run failed');
        await this.unscoped.unscopedSystemTransaction(({ manager }) =>
          manager.update(
            InvoiceRunEntity,
            { id: runId },
            { status: 'FAILED', error: error instanceof Error ? error.message : String(error), finishedAt: new Date() },
          ),
        );
      } finally {
        await lock.query(`SELECT pg_advisory_unlock(hashtextextended($1, 7))`, [runId]);
      }
    } finally {
      await lock.release();
    }
  }

  private async execute(runId: string, stopping?: AbortSignal): Promise<void> {
    const context = await this.unscoped.unscopedSystemTransaction(({ manager }) => this.context(manager, runId));
    if (!context) return;
    const { run } = context;
    if (context.contract.fundingModel === 'CENTRAL_INVOICE') {
      await this.issueCentral(context);
    } else {
      let after = '';
      for (;;) {
        const batch = await this.unscoped.unscopedSystemTransaction(({ manager }) =>
          new InvoiceCalculator(manager, context.calculation).batch(after, this.options.batchSize),
        );
        if (batch.last === null) break;
        const issued = await this.unscoped.unscopedSystemTransaction(async ({ manager }) => {
          const done = new Set(
            (
              await manager.query<Array<{ code: string }>>(
                `SELECT municipality_code AS code FROM invoice_document WHERE run_id = $1 AND municipality_code = ANY($2)`,
                [runId, batch.participants.map((p) => p.code)],
              )
            ).map((row) => row.code),
          );
          const fresh = batch.participants.filter((p) => !done.has(p.code));
          const documents = await this.perParticipantDocuments(manager, context, fresh);
          const ids = await this.issue(manager, context, documents);
          await this.addProgress(manager, runId, ids.length);
          return ids;
        });
        await this.renderAndStore(issued);
        after = batch.last;
        if (this.options.batchDelayMs) await sleep(this.options.batchDelayMs);
        // Between batches is a safe point: what is issued is whole; another worker resumes after it.
        if (stopping?.aborted) throw new JobInterrupted();
      }
    }
    await this.renderMissing(runId);
    await this.unscoped.unscopedSystemTransaction(async (tx) => {
      const { manager } = tx;
      const [totals] = await manager.query<Array<{ count: number; total: string }>>(
        `SELECT count(*)::int AS count, coalesce(sum(total_cents), 0)::text AS total FROM invoice_document WHERE run_id = $1`,
        [runId],
      );
      await manager.update(
        InvoiceRunEntity,
        { id: runId },
        {
          status: 'COMPLETED',
          documentCount: totals.count,
          totalCents: totals.total,
          finishedAt: new Date(),
          error: null,
        },
      );
      await tx.audit({
        organisationId: run.contractingOrganisationId,
        action: 'invoice-run.completed',
        entityType: 'invoice-run',
        entityId: runId,
        after: { documents: totals.count, totalCents: totals.total },
      });
    });
    this.logger.log({ runId }, 'Invoice run completed');
  }

  private async context(manager: EntityManager, runId: string): Promise<RunContext | null> {
    const run = await manager.findOneBy(InvoiceRunEntity, { id: runId });
    if (!run || run.status === 'COMPLETED' || run.status === 'FAILED') return null;
    const contract = await manager.findOneByOrFail(ContractEntity, { id: run.contractId });
    const provider = await manager.findOneByOrFail(ProviderEntity, { organisationId: contract.supplierId });
    const contracting = await manager.findOneByOrFail(OrganisationEntity, { id: contract.contractingOrganisationId });
    const { duty, ...calculation } = await loadCalculationContext(
      manager,
      contract,
      { from: run.periodStart, to: run.periodEnd },
      run.referenceDate,
    );
    const total = await new InvoiceCalculator(manager, calculation).participantCount();
    // A resumed run counts what an earlier worker issued.
    const [{ done }] = await manager.query<[{ done: number }]>(
      `SELECT count(*)::int AS done FROM invoice_document WHERE run_id = $1`,
      [runId],
    );
    const progressDone = contract.fundingModel === 'CENTRAL_INVOICE' ? (done ? total : 0) : done;
    await manager.update(
      InvoiceRunEntity,
      { id: runId },
      { status: 'RUNNING', startedAt: run.startedAt ?? new Date(), progressTotal: total, progressDone },
    );
    const issueDate = todayInAmsterdam();
    return {
      run,
      contract,
      provider,
      contracting,
      duty,
      issueDate,
      numberYear: yearOf(issueDate),
      type: fundingDocumentType(contract.fundingModel),
      calculation,
    };
  }

  /** One document per participant, addressed to the municipality (invoice or allocation statement). */
  private async perParticipantDocuments(
    manager: EntityManager,
    context: RunContext,
    participants: ComputedParticipant[],
  ): Promise<NewDocument[]> {
    if (participants.length === 0) return [];
    const details = await this.customerDetails(
      manager,
      context,
      participants.map((p) => p.organisationId),
    );
    return participants.map((participant) => {
      const found = details.get(participant.organisationId);
      return {
        type: context.type,
        municipalityCode: participant.code,
        customerOrganisationId: participant.organisationId,
        customer: found?.snapshot ?? emptyCustomer(`Gemeente ${participant.name}`),
        purchaseOrderNumber: found?.purchaseOrder ?? null,
        participants: [participant],
      };
    });
  }

  /** CENTRAL_INVOICE: one invoice to the contracting party, one line per participant, issued in one transaction. */
  private async issueCentral(context: RunContext): Promise<void> {
    const ids = await this.unscoped.unscopedSystemTransaction(async ({ manager }) => {
      const [existing] = await manager.query(`SELECT id FROM invoice_document WHERE run_id = $1`, [context.run.id]);
      if (existing) return [];
      const calculator = new InvoiceCalculator(manager, context.calculation);
      const participants: ComputedParticipant[] = [];
      for await (const batch of calculator.batches(this.options.batchSize)) participants.push(...batch);
      const details = await this.customerDetails(manager, context, [context.contracting.id]);
      const found = details.get(context.contracting.id);
      const document: NewDocument = {
        type: 'INVOICE',
        municipalityCode: null,
        customerOrganisationId: context.contracting.id,
        customer: found?.snapshot ?? emptyCustomer(context.contracting.name),
        purchaseOrderNumber: found?.purchaseOrder ?? null,
        participants,
      };
      const issued = await this.issue(manager, context, participants.length ? [document] : []);
      await manager.query(`UPDATE invoice_run SET progress_done = $2 WHERE id = $1`, [
        context.run.id,
        participants.length,
      ]);
      return issued;
    });
    await this.renderAndStore(ids);
  }

  /** Reserves numbers and inserts documents and lines: one statement each, in the caller's transaction. */
  private async issue(manager: EntityManager, context: RunContext, documents: NewDocument[]): Promise<string[]> {
    if (documents.length === 0) return [];
    const { contract, provider } = context;
    const first = await reserveNumbers(
      manager,
      provider.organisationId,
      context.type === 'ALLOCATION_STATEMENT' ? 'ALLOCATION_STATEMENT' : documents[0].type,
      context.numberYear,
      documents.length,
    );
    const due = dueDate(context.issueDate, contract.paymentTermDays);
    const rows = documents.map((document, i) => {
      const subtotal = document.participants.reduce((sum, p) => sum + p.subtotalCents, 0);
      const vat = vatAmountCents(cents(subtotal), contract.vatRate);
      return {
        number: formatDocumentNumber(provider.invoicePrefix, document.type, context.numberYear, first + i),
        document,
        subtotal,
        vat,
        approximations: [
          ...new Set(
            document.participants.flatMap((p) =>
              p.lines.map((l) => l.approximationNote).filter((n): n is string => !!n),
            ),
          ),
        ],
      };
    });
    const inserted = await manager.query<Array<{ id: string; number: string }>>(
      `INSERT INTO invoice_document (type, number, run_id, contract_id, contracting_organisation_id, supplier_id, customer_organisation_id, municipality_code,
                                     period_start, period_end, reference_date, issue_date, due_date, currency, subtotal_cents, vat_cents, total_cents,
                                     vat_category, vat_rate, vat_exemption_reason, purchase_order_number, payment_term_days, note,
                                     supplier_snapshot, customer_snapshot, contract_snapshot)
       SELECT t.type, t.number, $1, $2, $3, $4, t.customer, t.municipality, $5, $6, $7, $8, $9, 'EUR', t.subtotal, t.vat, t.subtotal + t.vat,
              $10, $11, $12, t.po, $13, t.note, $14::jsonb, t.customer_snapshot::jsonb, $15::jsonb
         FROM unnest($16::varchar[], $17::varchar[], $18::uuid[], $19::varchar[], $20::bigint[], $21::bigint[], $22::varchar[], $23::text[], $24::text[])
              AS t(type, number, customer, municipality, subtotal, vat, po, note, customer_snapshot)
       RETURNING id, number`,
      [
        context.run.id,
        contract.id,
        contract.contractingOrganisationId,
        contract.supplierId,
        context.run.periodStart,
        context.run.periodEnd,
        context.run.referenceDate,
        context.issueDate,
        due,
        contract.vatCategory,
        contract.vatRate,
        contract.vatExemptionReason,
        contract.paymentTermDays,
        JSON.stringify(supplierSnapshot(provider)),
        JSON.stringify({
          reference: contract.reference,
          title: contract.title,
          fundingModel: contract.fundingModel,
          dutyCode: contract.dutyCode,
          legalBasis: context.duty.legalBasis,
        }),
        rows.map((r) => r.document.type),
        rows.map((r) => r.number),
        rows.map((r) => r.document.customerOrganisationId),
        rows.map((r) => r.document.municipalityCode),
        rows.map((r) => r.subtotal),
        rows.map((r) => r.vat),
        rows.map((r) => r.document.purchaseOrderNumber),
        rows.map((r) => (r.approximations.length ? `Toelichting inwonertal: ${r.approximations.join(' ')}` : null)),
        rows.map((r) => JSON.stringify(r.document.customer)),
      ],
    );
    const idByNumber = new Map(inserted.map((row) => [row.number, row.id]));
    const lines = rows.flatMap((row) =>
      row.document.participants
        .flatMap((p) => p.lines)
        .map((line, i) => ({ ...line, documentId: idByNumber.get(row.number)!, lineNumber: i + 1 })),
    );
    await manager.query(
      `INSERT INTO invoice_line (document_id, line_number, municipality_code, description, inhabitants, per_inhabitant, period_start, period_end, days, days_in_year, amount_cents, approximation_note)
       SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::varchar[], $4::varchar[], $5::integer[], $6::numeric[], $7::date[], $8::date[], $9::smallint[], $10::smallint[], $11::bigint[], $12::text[])`,
      [
        lines.map((l) => l.documentId),
        lines.map((l) => l.lineNumber),
        lines.map((l) => l.municipalityCode),
        lines.map((l) => `${l.description} | ${l.calculation}`),
        lines.map((l) => l.inhabitants),
        lines.map((l) => l.perInhabitant),
        lines.map((l) => l.periodStart),
        lines.map((l) => l.periodEnd),
        lines.map((l) => l.days),
        lines.map((l) => l.daysInYear),
        lines.map((l) => l.amountCents),
        lines.map((l) => l.approximationNote),
      ],
    );
    await this.publisher.publish(
      manager,
      rows.map((row) =>
        issuedEvent({
          id: idByNumber.get(row.number)!,
          number: row.number,
          type: row.document.type,
          customerOrganisationId: row.document.customerOrganisationId,
          municipalityCode: row.document.municipalityCode,
          contractReference: contract.reference,
          period: { start: context.run.periodStart, end: context.run.periodEnd },
          issueDate: context.issueDate,
          dueDate: due,
          subtotalCents: row.subtotal,
          vatCents: row.vat,
        }),
      ),
    );
    return inserted.map((row) => row.id);
  }

  private async customerDetails(manager: EntityManager, context: RunContext, organisationIds: string[]) {
    const rows = await manager.query<
      Array<{
        organisation_id: string;
        name: string;
        oin: string | null;
        kvk_number: string | null;
        street: string | null;
        postal_code: string | null;
        city: string | null;
        invoice_email: string | null;
        po: string | null;
      }>
    >(
      `SELECT o.id AS organisation_id, o.name, b.oin, b.kvk_number, b.street, b.postal_code, b.city, b.invoice_email, po.number AS po
         FROM organisation o
         LEFT JOIN billing_details b ON b.organisation_id = o.id
         LEFT JOIN purchase_order po ON po.organisation_id = o.id AND po.contract_id = $2 AND po.year = $3
        WHERE o.id = ANY($1)`,
      [organisationIds, context.contract.id, yearOf(context.run.periodStart)],
    );
    return new Map(
      rows.map((row) => [
        row.organisation_id,
        {
          snapshot: {
            name: row.name,
            kvkNumber: row.kvk_number,
            oin: row.oin,
            street: row.street,
            postalCode: row.postal_code,
            city: row.city,
            countryCode: 'NL',
            email: row.invoice_email,
          } satisfies PartySnapshot,
          purchaseOrder: row.po,
        },
      ]),
    );
  }

  /** Progress counts what has been issued, in the transaction that issues it (a resume recounts). */
  private async addProgress(manager: EntityManager, runId: string, issued: number): Promise<void> {
    if (issued)
      await manager.query(`UPDATE invoice_run SET progress_done = progress_done + $2 WHERE id = $1`, [runId, issued]);
  }

  /** Renders a batch of documents and stores the PDFs in one statement. */
  private async renderAndStore(documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) return;
    const printables = await this.unscoped.unscopedSystemTransaction(({ manager }) =>
      loadPrintables(manager, documentIds),
    );
    const pdfs: Buffer[] = [];
    for (const printable of printables) pdfs.push(await renderDocumentPdf(printable));
    await this.unscoped.unscopedSystemTransaction(({ manager }) =>
      manager.query(
        `INSERT INTO document_file (document_id, pdf) SELECT * FROM unnest($1::uuid[], $2::bytea[]) ON CONFLICT (document_id) DO NOTHING`,
        [printables.map((p) => p.id), pdfs],
      ),
    );
  }

  /** After a resume: documents issued by a worker that died before it rendered them, a batch at a time. */
  private async renderMissing(runId: string): Promise<void> {
    for (;;) {
      const missing = await this.unscoped.unscopedSystemTransaction(({ manager }) =>
        manager.query<Array<{ id: string }>>(
          `SELECT d.id FROM invoice_document d WHERE d.run_id = $1 AND NOT EXISTS (SELECT 1 FROM document_file f WHERE f.document_id = d.id) LIMIT $2`,
          [runId, this.options.batchSize],
        ),
      );
      if (missing.length === 0) return;
      await this.renderAndStore(missing.map((row) => row.id));
    }
  }
}

function emptyCustomer(name: string): PartySnapshot {
  return {
    name,
    kvkNumber: null,
    oin: null,
    street: null,
    postalCode: null,
    city: null,
    countryCode: 'NL',
    email: null,
  };
}
