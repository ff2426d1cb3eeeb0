import { createHash } from 'node:crypto';
import { RequestValidationError } from '@wmo/common';
import type { BillingContract, FundingModel, SupplierBillingDetails } from '@wmo/contracts';
import {
  ApproximationCause,
  billingPeriod,
  Cents,
  dutchLongDate,
  IsoDate,
  periodsOverlap,
  sumCents,
  vatAmountCents,
} from '@wmo/domain';
import { hasRole, isOperator, Principal } from '@wmo/tenancy';
import type { DocumentType, PartySnapshot } from './invoicing.constants';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';

/** Who may invoice a contract: its contracting party's CONTRACT_MANAGER, the supplier's PROVIDER_ADMIN or FINANCE, an OPERATOR. */
export function canInvoice(
  principal: Principal,
  contract: Pick<BillingContract, 'contractingOrganisationId' | 'supplierId'>,
): boolean {
  if (isOperator(principal)) return true;
  if (principal.organisationId === contract.contractingOrganisationId && hasRole(principal, 'CONTRACT_MANAGER'))
    return true;
  return (
    principal.organisationId === contract.supplierId &&
    (hasRole(principal, 'PROVIDER_ADMIN') || hasRole(principal, 'FINANCE'))
  );
}

export function assertMayInvoice(
  principal: Principal,
  contract: Pick<BillingContract, 'contractingOrganisationId' | 'supplierId' | 'reference'>,
): void {
  if (!canInvoice(principal, contract))
    throw new InvoicingError(
      InvoicingErrorCode.NotAllowed,
      `Invoice runs for ${contract.reference} are started by its contracting party's CONTRACT_MANAGER or the supplier's PROVIDER_ADMIN or FINANCE.`,
    );
}

/** What a run is asked for: a calendar year, or a period. */
export interface RunRequest {
  year?: number;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
}

/** Either a year or both ends of a period, the end not before the start: checked before anything is read. */
export function assertRunRequest(request: RunRequest): void {
  const hasYear = request.year !== undefined;
  const hasPeriod = request.periodStart !== undefined || request.periodEnd !== undefined;
  if (hasYear === hasPeriod)
    throw new RequestValidationError([
      { field: hasYear ? 'periodStart' : 'year', message: 'give either year, or periodStart and periodEnd' },
    ]);
  if (hasPeriod && (!request.periodStart || !request.periodEnd))
    throw new RequestValidationError([
      { field: request.periodStart ? 'periodEnd' : 'periodStart', message: 'periodStart and periodEnd go together' },
    ]);
  if (hasPeriod && request.periodEnd! < request.periodStart!)
    throw new RequestValidationError([{ field: 'periodEnd', message: 'periodEnd must not be before periodStart' }]);
}

/**
 * The period a run bills (the request checked by assertRunRequest): refused for a draft contract,
 * and for a period that shares no day with the contract's term.
 */
export function billablePeriod(
  contract: Pick<BillingContract, 'reference' | 'status' | 'startDate' | 'endDate'>,
  request: RunRequest,
): { from: IsoDate; to: IsoDate } {
  if (contract.status === 'DRAFT')
    throw new InvoicingError(
      InvoicingErrorCode.ContractNotBillable,
      `Contract ${contract.reference} is a draft; activate it before invoicing.`,
    );
  const period = billingPeriod(request);
  if (!periodsOverlap(period, { from: contract.startDate, to: contract.endDate }))
    throw new InvoicingError(
      InvoicingErrorCode.ContractNotBillable,
      `The period ${period.from} to ${period.to} lies outside the contract term ${contract.startDate} to ${contract.endDate ?? 'open-ended'}.`,
    );
  return period;
}

/** The Idempotency-Key a run must carry: present, and at most 200 characters. */
export function assertIdempotencyKey(key: string | undefined): asserts key is string {
  if (!key)
    throw new InvoicingError(
      InvoicingErrorCode.IdempotencyKeyMissing,
      'Send an Idempotency-Key header (any unique string up to 200 characters) with every invoice run.',
    );
  if (key.length > 200)
    throw new RequestValidationError([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be at most 200 characters' },
    ]);
}

/** Tells a replay (same contract and period under the same key) from another request under that key. */
export function runRequestHash(
  contractId: string,
  period: { from: IsoDate; to: IsoDate },
  kind: 'INVOICE' | 'CORRECTION' = 'INVOICE',
): string {
  // An invoice run's request hashes as it always has; a correction run's names its kind.
  const request =
    kind === 'INVOICE'
      ? { contractId, from: period.from, to: period.to }
      : { kind, contractId, from: period.from, to: period.to };
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/** Fund withholding (uitname) gives allocation statements; the other funding models invoices. */
export const fundingDocumentType = (model: FundingModel): DocumentType =>
  model === 'FUND_WITHHOLDING' ? 'ALLOCATION_STATEMENT' : 'INVOICE';

/** The supplier as the document shows it: the provider's legal name and billing details. */
export function supplierSnapshot(supplier: SupplierBillingDetails): PartySnapshot {
  return {
    name: supplier.legalName,
    kvkNumber: supplier.kvkNumber,
    vatId: supplier.vatId,
    iban: supplier.iban,
    street: supplier.street,
    postalCode: supplier.postalCode,
    city: supplier.city,
    countryCode: supplier.countryCode,
    email: supplier.email,
  };
}

/** A customer's billing details as kept (all null where none are). */
export interface CustomerBilling {
  oin: string | null;
  kvkNumber: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  invoiceEmail: string | null;
}

/** The customer as the document shows it: its name and whatever billing details it keeps, in the Netherlands. */
export function customerSnapshot(name: string, billing: CustomerBilling): PartySnapshot {
  return {
    name,
    kvkNumber: billing.kvkNumber,
    oin: billing.oin,
    street: billing.street,
    postalCode: billing.postalCode,
    city: billing.city,
    countryCode: 'NL',
    email: billing.invoiceEmail,
  };
}

/**
 * The prefix of the number series in which a contracting party issues allocation statements:
 * a municipality's CBS code, else the initials of its name's capitalised words ("Vereniging van
 * Nederlandse Gemeenten": VNG), so that VNG-AS-2026-000001 is the VNG's and never a supplier's.
 */
export function allocationSeriesPrefix(party: { name: string; municipalityCode: string | null }): string {
  if (party.municipalityCode) return party.municipalityCode;
  const initials = party.name
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('')
    .slice(0, 8);
  return initials || 'UITNAME';
}

/** A customer of whom nothing but a name is known: the document is issued all the same, and the run lists the gap. */
export function emptyCustomer(name: string): PartySnapshot {
  return customerSnapshot(name, {
    oin: null,
    kvkNumber: null,
    street: null,
    postalCode: null,
    city: null,
    invoiceEmail: null,
  });
}

/** A document's subtotal is the sum of its (rounded) lines; its VAT is computed once over that subtotal. */
export function documentTotals(
  lines: ReadonlyArray<{ amountCents: Cents }>,
  vatRate: string,
): { subtotalCents: Cents; vatCents: Cents } {
  const subtotalCents = sumCents(lines.map((line) => line.amountCents));
  return { subtotalCents, vatCents: vatAmountCents(subtotalCents, vatRate) };
}

/** "Oss", "'s-Hertogenbosch en Oss", "Bussum, Muiden en Naarden". */
function dutchList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/**
 * Why a line's inhabitants rest on an approximation (DOMAIN.md rule 3), in Dutch, one short
 * sentence per cause, naming the municipalities by their names in the reference data (`names`, by
 * code; a code without a name stays a code): "Maasdonk is op 1 januari 2015 verdeeld over
 * 's-Hertogenbosch en Oss, zonder bekend aandeel per gemeente; het deel dat naar Oss ging telt
 * hier niet mee." Null without causes. The source's own note on the reorganisation is English free
 * text from the CBS table (data/reference/mergers.csv), sometimes with a non-CBS figure, so it stays
 * with the reference data and is not put on a document.
 */
export function approximationExplanation(
  causes: readonly ApproximationCause[],
  names: ReadonlyMap<string, string>,
): string | null {
  const name = (code: string) => names.get(code) ?? code;
  const sentences = causes.map((cause) => {
    const old = name(cause.oldCode);
    const successor = name(cause.successorCode);
    const counted = cause.main
      ? `${successor} kreeg het grootste deel, dus heel ${old} telt hier mee`
      : `het deel dat naar ${successor} ging telt hier niet mee`;
    return (
      `${old} is op ${dutchLongDate(cause.effectiveDate)} verdeeld over ${dutchList(cause.successorCodes.map(name))}, ` +
      `zonder bekend aandeel per gemeente; ${counted}.`
    );
  });
  return sentences.length ? sentences.join(' ') : null;
}

/** The note on a document whose inhabitants rest on an approximation (DOMAIN.md rule 3), each explanation once. */
export function approximationNote(lines: ReadonlyArray<{ approximationNote: string | null }>): string | null {
  const notes = [...new Set(lines.map((line) => line.approximationNote).filter((note): note is string => !!note))];
  return notes.length ? `Toelichting inwonertal: ${notes.join(' ')}` : null;
}

/** Row-level security lets the issuer and the operator write document files: whether this caller may store a document's PDF. */
export function mayStorePdf(principal: Principal, supplierId: string): boolean {
  return isOperator(principal) || principal.organisationId === supplierId;
}

/** Credit notes and payments are recorded by the issuer (its FINANCE or PROVIDER_ADMIN) or an operator. */
export function assertMayCorrect(principal: Principal, document: { supplierId: string; number: string }): void {
  const issuer =
    principal.organisationId === document.supplierId &&
    (hasRole(principal, 'FINANCE') || hasRole(principal, 'PROVIDER_ADMIN'));
  if (!isOperator(principal) && !issuer)
    throw new InvoicingError(
      InvoicingErrorCode.NotAllowed,
      `Only the issuer of ${document.number} (its FINANCE or PROVIDER_ADMIN) can credit it or record payments.`,
    );
}
