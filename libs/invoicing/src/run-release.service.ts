import { Inject, Injectable } from '@nestjs/common';
import { ContractsReader } from '@wmo/contracts';
import { PlatformTransaction, ScopedDatabase } from '@wmo/tenancy';
import { ReleaseHeldDto } from './dto/invoice-runs.dto';
import { ComputedParticipant, InvoiceCalculator } from './invoice-calculator';
import { RunContextLoader } from './invoice-run.context';
import { InvoiceRunRepository } from './invoice-run.repository';
import { InvoiceRunsService } from './invoice-runs.service';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import { INVOICING_OPTIONS, InvoicingOptions } from './invoicing.options';
import { assertMayInvoice } from './invoicing.rules';
import { IssuedAndHeld, RunDocuments } from './run-documents';
import type { InvoiceRunEntity } from './run.entities';
import { RunPdfs } from './run-pdfs';

/** Every held customer of a run is read at once: every municipality of the country fits. */
const ALL_HELD = 100_000;

/**
 * Issues the documents a completed run held back, for the customers whose billing details now
 * have an address: computed as the run computes (today's facts), numbered and dated from this
 * moment, in one transaction that holds the run's row, so that a release twice, or twenty at
 * once, issues each document once. Who may start the run may release it.
 */
@Injectable()
export class RunReleaseService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly runs: InvoiceRunRepository,
    private readonly runDtos: InvoiceRunsService,
    private readonly contracts: ContractsReader,
    private readonly contexts: RunContextLoader,
    private readonly calculator: InvoiceCalculator,
    private readonly documents: RunDocuments,
    private readonly pdfs: RunPdfs,
    @Inject(INVOICING_OPTIONS) private readonly options: InvoicingOptions,
  ) {}

  async release(runId: string): Promise<ReleaseHeldDto> {
    const { answer, issuedIds } = await this.db.transaction(async (tx) => {
      const run = await this.runs.lockRun(tx, runId);
      if (!run)
        throw new InvoicingError(InvoicingErrorCode.RunNotFound, `There is no invoice run ${runId} that you can see.`);
      const contract = await this.contracts.billingContract(tx, run.contractId);
      assertMayInvoice(tx.principal, contract);
      if (run.status !== 'COMPLETED')
        throw new InvoicingError(
          InvoicingErrorCode.RunNotFinished,
          `Run ${run.id} is ${run.status}; held customers are released once it has completed.`,
          { runStatus: run.status },
        );
      const { released, nothingDue } = await tx.unscopedWithin(async (platform) => {
        const outcome = await this.issueHeld(platform, run);
        if (outcome.released.issued.length)
          await this.runs.recount(platform, run.id, await this.runs.documentTotals(platform, run.id));
        return outcome;
      });
      const releasedDtos = released.issued.map((d) => ({
        municipalityCode: d.municipalityCode,
        documentId: d.id,
        number: d.number,
      }));
      if (releasedDtos.length || nothingDue.length)
        await tx.audit({
          action: 'invoice-run.released',
          entityType: 'invoice-run',
          entityId: run.id,
          organisationId: run.contractingOrganisationId,
          after: { released: releasedDtos.map((d) => d.number), nothingDue, stillHeld: released.held.length },
        });
      const fresh = (await this.runs.byId(tx, run.id))!;
      return {
        answer: { run: await this.runDtos.toDto(tx, fresh), released: releasedDtos, nothingDue },
        issuedIds: released.issued.map((d) => d.id),
      };
    });
    await this.pdfs.renderAndStore(issuedIds);
    return answer;
  }

  /** The held customers whose details are now complete, issued; those for whom nothing is due any more, no longer held. */
  private async issueHeld(
    platform: PlatformTransaction,
    run: InvoiceRunEntity,
  ): Promise<{ released: IssuedAndHeld; nothingDue: string[] }> {
    const held = await this.runs.held(platform, run.id, ALL_HELD);
    if (held.length === 0) return { released: { issued: [], held: [] }, nothingDue: [] };
    const context = await this.contexts.of(platform, run);
    const participants: ComputedParticipant[] = [];
    for await (const batch of this.calculator.batches(platform, context.calculation, this.options.batchSize))
      participants.push(...batch);
    if (context.contract.fundingModel === 'CENTRAL_INVOICE')
      return {
        released: await this.documents.issueCentral(platform, context, participants, 'release'),
        nothingDue: [],
      };
    const heldCodes = new Set(held.map((h) => h.municipalityCode));
    const due = participants.filter((p) => heldCodes.has(p.code));
    // Held while something was due, and under today's facts nothing is (a participation ended since).
    const gone = held.filter((h) => !due.some((p) => p.code === h.municipalityCode));
    await this.runs.unhold(
      platform,
      run.id,
      gone.map((h) => h.customerOrganisationId),
    );
    return {
      released: await this.documents.issuePerParticipant(platform, context, due, 'release'),
      nothingDue: gone.map((h) => h.municipalityCode!),
    };
  }
}
