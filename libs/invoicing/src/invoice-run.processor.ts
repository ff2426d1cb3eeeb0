import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobInterrupted } from '@wmo/jobs';
import { UnscopedDatabase } from '@wmo/tenancy';
import { ComputedParticipant, InvoiceCalculator } from './invoice-calculator';
import { RunContext, RunContextLoader } from './invoice-run.context';
import { InvoiceRunRepository } from './invoice-run.repository';
import { INVOICING_OPTIONS, InvoicingOptions } from './invoicing.options';
import { RunDocuments } from './run-documents';
import { RunPdfs } from './run-pdfs';
import { CorrectionIssuer } from './correction-issuer';

/** Failed attempts retried by the job queue before a run is marked FAILED (delays of 1, 2 and 4 s). */
export const FAILURE_RETRIES = 3;

/**
 * Executes an invoice run (a pg-boss job). Participants are issued in batches; each batch is one
 * transaction that reserves its numbers and inserts its documents and lines, so a worker that
 * dies leaves only whole batches behind and burns no number. A retried job resumes after the last
 * issued participant and reaches the same end state; a session lock keeps a second worker out.
 * PDFs are rendered after each batch's transaction (rendering again is always possible).
 *
 * The job works for the platform, not for a caller: its transactions are unscoped by name.
 */
@Injectable()
export class InvoiceRunProcessor {
  private readonly logger = new Logger('InvoiceRuns');
  /** Tests only: injected transient failures left in this process. */
  private faultsLeft: number;

  constructor(
    private readonly unscoped: UnscopedDatabase,
    private readonly contexts: RunContextLoader,
    private readonly calculator: InvoiceCalculator,
    private readonly documents: RunDocuments,
    private readonly pdfs: RunPdfs,
    private readonly corrections: CorrectionIssuer,
    private readonly runs: InvoiceRunRepository,
    @Inject(INVOICING_OPTIONS) private readonly options: InvoicingOptions,
  ) {
    this.faultsLeft = options.faultAttempts ?? 0;
  }

  /**
   * `retryCount`: how often the job was tried before. An attempt that fails is retried by the job
   * queue with backoff (it resumes after the last issued participant) until FAILURE_RETRIES
   * retries have failed too; then the run is FAILED, and POST /invoice-runs/{id}/resume starts it
   * again. A failed attempt's error stays on the run meanwhile.
   */
  async process(runId: string, stopping?: AbortSignal, retryCount = 0): Promise<void> {
    const held = await this.unscoped.unscopedExclusive(runId, async () => {
      try {
        await this.execute(runId, stopping);
      } catch (error) {
        if (error instanceof JobInterrupted) throw error;
        const message = error instanceof Error ? error.message : String(error);
        if (retryCount < FAILURE_RETRIES) {
          this.logger.warn({ err: error, runId, retryCount }, 'Invoice run attempt failed; the job queue retries it');
          await this.unscoped.unscopedSystemTransaction((tx) =>
            this.runs.noteFailedAttempt(tx, runId, `attempt ${retryCount + 1} failed (retried): ${message}`),
          );
          throw error;
        }
        this.logger.error({ err: error, runId }, 'Invoice run failed');
        await this.unscoped.unscopedSystemTransaction((tx) => this.runs.fail(tx, runId, message));
      }
    });
    if (!held) throw new Error(`Invoice run ${runId} is being processed by another worker`);
  }

  private async execute(runId: string, stopping?: AbortSignal): Promise<void> {
    const context = await this.unscoped.unscopedSystemTransaction((tx) => this.contexts.load(tx, runId));
    if (!context) return;
    if (context.run.kind === 'CORRECTION')
      await this.unscoped.unscopedSystemTransaction((tx) => this.corrections.issue(tx, context));
    else if (context.contract.fundingModel === 'CENTRAL_INVOICE') await this.issueCentral(context);
    else await this.issuePerParticipant(context, stopping);
    await this.pdfs.renderMissing(runId);
    await this.complete(context);
  }

  /** A batch of participants at a time: computed, then issued in a transaction of its own, then rendered. */
  private async issuePerParticipant(context: RunContext, stopping?: AbortSignal): Promise<void> {
    let after = '';
    for (;;) {
      const batch = await this.unscoped.unscopedSystemTransaction((tx) =>
        this.calculator.batch(tx, context.calculation, after, this.options.batchSize),
      );
      if (batch.last === null) return;
      const { issued } = await this.unscoped.unscopedSystemTransaction((tx) =>
        this.documents.issuePerParticipant(tx, context, batch.participants),
      );
      await this.pdfs.renderAndStore(issued.map((document) => document.id));
      after = batch.last;
      if (this.faultsLeft > 0 && issued.length > 0) {
        this.faultsLeft -= 1;
        throw new Error('injected transient failure (INVOICE_FAULT_ATTEMPTS, tests only)');
      }
      if (this.options.batchDelayMs) await sleep(this.options.batchDelayMs);
      // Between batches is a safe point: what is issued is whole; another worker resumes after it.
      if (stopping?.aborted) throw new JobInterrupted();
    }
  }

  /** The one central invoice: every participant computed and issued in one transaction. */
  private async issueCentral(context: RunContext): Promise<void> {
    const issued = await this.unscoped.unscopedSystemTransaction(async (tx) => {
      if ((await this.runs.documentTotals(tx, context.run.id)).documents) return [];
      const participants: ComputedParticipant[] = [];
      for await (const batch of this.calculator.batches(tx, context.calculation, this.options.batchSize))
        participants.push(...batch);
      return (await this.documents.issueCentral(tx, context, participants)).issued;
    });
    await this.pdfs.renderAndStore(issued.map((document) => document.id));
  }

  private async complete({ run }: RunContext): Promise<void> {
    await this.unscoped.unscopedSystemTransaction(async (tx) => {
      const totals = await this.runs.documentTotals(tx, run.id);
      const [held] = await this.runs.held(tx, run.id, 1);
      await this.runs.complete(tx, run.id, totals);
      await tx.audit({
        organisationId: run.contractingOrganisationId,
        action: 'invoice-run.completed',
        entityType: 'invoice-run',
        entityId: run.id,
        // The audit log has always recorded the total as PostgreSQL sends a bigint: as text.
        after: { documents: totals.documents, totalCents: totals.totalCents.toString(), held: held?.total ?? 0 },
      });
    });
    this.logger.log({ runId: run.id }, 'Invoice run completed');
  }
}
