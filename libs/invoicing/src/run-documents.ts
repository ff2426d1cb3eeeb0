import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@wmo/identity';
import { yearOf } from '@wmo/domain';
import type { PlatformTransaction } from '@wmo/tenancy';
import { BillingDetailsRepository, CustomerBillingRow } from './billing-details.repository';
import { DocumentIssuer, DocumentToIssue, IssuedDocumentRef } from './document-issuer';
import type { ComputedParticipant } from './invoice-calculator';
import { RunContext, runTerms } from './invoice-run.context';
import { InvoiceRunRepository } from './invoice-run.repository';
import type { PartySnapshot } from './invoicing.constants';
import { approximationNote, customerSnapshot, documentTotals, emptyCustomer } from './invoicing.rules';

/** A customer as a run's document addresses it. */
interface Customer {
  organisationId: string;
  snapshot: PartySnapshot;
  purchaseOrderNumber: string | null;
}

/**
 * A run's documents: the customers' details and purchase-order numbers read for a batch at once,
 * the documents issued through the DocumentIssuer in the batch's transaction, and the run's
 * progress counted in that same transaction (a resume recounts).
 */
@Injectable()
export class RunDocuments {
  constructor(
    private readonly runs: InvoiceRunRepository,
    private readonly billing: BillingDetailsRepository,
    private readonly organisations: OrganisationDirectory,
    private readonly issuer: DocumentIssuer,
  ) {}

  /**
   * One document per participant, addressed to the municipality (invoice or allocation statement).
   * Participants whose document an earlier worker issued are skipped.
   */
  async issuePerParticipant(
    tx: PlatformTransaction,
    context: RunContext,
    participants: readonly ComputedParticipant[],
  ): Promise<IssuedDocumentRef[]> {
    const done = await this.runs.issuedCodes(
      tx,
      context.run.id,
      participants.map((p) => p.code),
    );
    const fresh = participants.filter((p) => !done.has(p.code));
    if (fresh.length === 0) return [];
    const organisations = new Map(
      (
        await this.organisations.municipalityOrganisations(
          tx,
          fresh.map((p) => p.code),
        )
      ).map((o) => [o.municipalityCode, o]),
    );
    const billing = await this.billingOf(
      tx,
      context,
      [...organisations.values()].map((o) => o.id),
    );
    const documents = fresh.map((participant): DocumentToIssue => {
      const organisation = organisations.get(participant.code);
      if (!organisation) throw new Error(`There is no organisation for municipality ${participant.code}`);
      return this.document(context, participant.code, [participant], {
        organisationId: organisation.id,
        ...customer(organisation.name, billing.get(organisation.id), `Gemeente ${participant.name}`),
      });
    });
    const issued = await this.issuer.issue(tx, runTerms(context), documents, { renderPdfs: false });
    if (issued.length) await this.runs.addProgress(tx, context.run.id, issued.length);
    return issued;
  }

  /**
   * CENTRAL_INVOICE: one invoice to the contracting party, one line per participant, issued in one
   * transaction (nothing when the run issued it already, or no participant has a day to charge).
   */
  async issueCentral(
    tx: PlatformTransaction,
    context: RunContext,
    participants: readonly ComputedParticipant[],
  ): Promise<IssuedDocumentRef[]> {
    const { contractingOrganisationId } = context.contract;
    const contracting = await this.organisations.organisation(tx, contractingOrganisationId);
    if (!contracting) throw new Error(`There is no organisation ${contractingOrganisationId}`);
    const billing = await this.billingOf(tx, context, [contracting.id]);
    const documents = participants.length
      ? [
          this.document(context, null, participants, {
            organisationId: contracting.id,
            ...customer(contracting.name, billing.get(contracting.id), contracting.name),
          }),
        ]
      : [];
    const issued = await this.issuer.issue(tx, runTerms(context), documents, { renderPdfs: false });
    await this.runs.setProgress(tx, context.run.id, participants.length);
    return issued;
  }

  private document(
    context: RunContext,
    municipalityCode: string | null,
    participants: readonly ComputedParticipant[],
    to: Customer,
  ): DocumentToIssue {
    const lines = participants.flatMap((p) => p.lines);
    return {
      customerOrganisationId: to.organisationId,
      municipalityCode,
      customer: to.snapshot,
      purchaseOrderNumber: to.purchaseOrderNumber,
      note: approximationNote(lines),
      credits: null,
      ...documentTotals(lines, context.contract.vatRate),
      lines: lines.map((line) => ({ ...line, creditsLineNumber: null })),
    };
  }

  /** The customers' billing details with their purchase-order number for the contract and the billed year. */
  private async billingOf(
    tx: PlatformTransaction,
    context: RunContext,
    organisationIds: string[],
  ): Promise<Map<string, CustomerBillingRow>> {
    const rows = await this.billing.forCustomers(
      tx,
      organisationIds,
      context.contract.id,
      yearOf(context.run.periodStart),
    );
    return new Map(rows.map((row) => [row.organisationId, row]));
  }
}

/** The customer snapshot from its details; without them (never for an organisation that exists), a name alone. */
function customer(
  name: string,
  billing: CustomerBillingRow | undefined,
  fallbackName: string,
): Omit<Customer, 'organisationId'> {
  return billing
    ? { snapshot: customerSnapshot(name, billing), purchaseOrderNumber: billing.purchaseOrder }
    : { snapshot: emptyCustomer(fallbackName), purchaseOrderNumber: null };
}
