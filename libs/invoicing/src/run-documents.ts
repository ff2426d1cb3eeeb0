import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, OrganisationInfo } from '@wmo/identity';
import { yearOf } from '@wmo/domain';
import type { PlatformTransaction } from '@wmo/tenancy';
import { BillingDetailsRepository, CustomerBillingRow } from './billing-details.repository';
import { DocumentIssuer, DocumentToIssue, IssuedDocumentRef } from './document-issuer';
import type { ComputedParticipant } from './invoice-calculator';
import { RunContext, runTerms } from './invoice-run.context';
import { HeldCustomer, InvoiceRunRepository } from './invoice-run.repository';
import type { PartySnapshot } from './invoicing.constants';
import { approximationNote, customerSnapshot, documentTotals, emptyCustomer } from './invoicing.rules';
import { readinessGaps } from './readiness.rules';

/** What a batch (or a release) did: the documents issued, and the customers held for want of an address. */
export interface IssuedAndHeld {
  issued: Array<IssuedDocumentRef & { municipalityCode: string | null }>;
  held: HeldCustomer[];
}

/** An organisation a document may be addressed to, with its billing details for the contract and year (none kept: undefined). */
export interface BillableCustomer {
  organisation: OrganisationInfo;
  details: CustomerBillingRow | undefined;
}

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
   * A customer whose details lack an address gets no invoice: it is held (DOMAIN.md rule 8).
   * Running, participants an earlier worker issued or held are skipped and the run's progress
   * counts both; releasing, the participants given are the held ones, and those now complete are
   * issued and no longer held.
   */
  async issuePerParticipant(
    tx: PlatformTransaction,
    context: RunContext,
    participants: readonly ComputedParticipant[],
    mode: 'run' | 'release' = 'run',
  ): Promise<IssuedAndHeld> {
    const done =
      mode === 'run'
        ? await this.runs.doneCodes(
            tx,
            context.run.id,
            participants.map((p) => p.code),
          )
        : new Set<string>();
    const fresh = participants.filter((p) => !done.has(p.code));
    if (fresh.length === 0) return { issued: [], held: [] };
    const customers = await this.municipalCustomers(
      tx,
      context,
      fresh.map((p) => p.code),
    );
    const documents: DocumentToIssue[] = [];
    const held: HeldCustomer[] = [];
    for (const participant of fresh) {
      const { organisation, details } = customers.get(participant.code)!;
      const missing = readinessGaps(context.type, details);
      if (missing.includes('invoiceAddress'))
        held.push({ customerOrganisationId: organisation.id, municipalityCode: participant.code, missing });
      else
        documents.push(
          this.document(context, participant.code, [participant], {
            organisationId: organisation.id,
            ...customer(organisation.name, details, `Gemeente ${participant.name}`),
          }),
        );
    }
    const issued = (await this.issuer.issue(tx, runTerms(context), documents, { renderPdfs: false })).map((ref, i) => ({
      ...ref,
      municipalityCode: documents[i].municipalityCode,
    }));
    await this.runs.hold(tx, context.run, held);
    if (mode === 'release')
      await this.runs.unhold(
        tx,
        context.run.id,
        documents.map((d) => d.customerOrganisationId),
      );
    else if (issued.length + held.length) await this.runs.addProgress(tx, context.run.id, issued.length + held.length);
    return { issued, held };
  }

  /**
   * CENTRAL_INVOICE: one invoice to the contracting party, one line per participant, issued in one
   * transaction (nothing when the run issued it already, or no participant has a day to charge).
   * Held whole when the contracting party's details lack an address; releasing issues it then.
   */
  async issueCentral(
    tx: PlatformTransaction,
    context: RunContext,
    participants: readonly ComputedParticipant[],
    mode: 'run' | 'release' = 'run',
  ): Promise<IssuedAndHeld> {
    const { organisation: contracting, details } = await this.contractingCustomer(tx, context);
    const missing = readinessGaps(context.type, details);
    const held: HeldCustomer[] =
      participants.length && missing.includes('invoiceAddress')
        ? [{ customerOrganisationId: contracting.id, municipalityCode: null, missing }]
        : [];
    const documents =
      participants.length && held.length === 0
        ? [
            this.document(context, null, participants, {
              organisationId: contracting.id,
              ...customer(contracting.name, details, contracting.name),
            }),
          ]
        : [];
    const issued = (await this.issuer.issue(tx, runTerms(context), documents, { renderPdfs: false })).map((ref, i) => ({
      ...ref,
      municipalityCode: documents[i].municipalityCode,
    }));
    await this.runs.hold(tx, context.run, held);
    if (mode === 'release') await this.runs.unhold(tx, context.run.id, issued.length ? [contracting.id] : []);
    else await this.runs.setProgress(tx, context.run.id, participants.length);
    return { issued, held };
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
  /** The municipalities' organisations with their billing details, by code, read for all at once. */
  async municipalCustomers(
    tx: PlatformTransaction,
    context: RunContext,
    codes: readonly string[],
  ): Promise<Map<string, BillableCustomer>> {
    const organisations = await this.organisations.municipalityOrganisations(tx, codes);
    const billing = await this.billingOf(
      tx,
      context,
      organisations.map((o) => o.id),
    );
    const customers = new Map(
      organisations.map((o) => [o.municipalityCode!, { organisation: o, details: billing.get(o.id) }]),
    );
    const missing = codes.find((code) => !customers.has(code));
    if (missing) throw new Error(`There is no organisation for municipality ${missing}`);
    return customers;
  }

  /** The contracting party (a central invoice's customer) with its billing details. */
  async contractingCustomer(tx: PlatformTransaction, context: RunContext): Promise<BillableCustomer> {
    const { contractingOrganisationId } = context.contract;
    const organisation = await this.organisations.organisation(tx, contractingOrganisationId);
    if (!organisation) throw new Error(`There is no organisation ${contractingOrganisationId}`);
    return { organisation, details: (await this.billingOf(tx, context, [organisation.id])).get(organisation.id) };
  }

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

/** The customer snapshot from its details; without them (an allocation statement's customer), a name alone. */
function customer(
  name: string,
  billing: CustomerBillingRow | undefined,
  fallbackName: string,
): Omit<Customer, 'organisationId'> {
  return billing
    ? { snapshot: customerSnapshot(name, billing), purchaseOrderNumber: billing.purchaseOrder }
    : { snapshot: emptyCustomer(fallbackName), purchaseOrderNumber: null };
}
