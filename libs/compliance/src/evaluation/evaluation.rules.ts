import { dutchDate, formatEuroCents, IsoDate, ObligationStatus } from '@wmo/domain';
import type { OverdueInvoice } from '@wmo/invoicing';
import type { EventDraft, NotificationDraft } from '@wmo/notifications';
import type { Judgement } from '../judgement.rules';

/** Who hears of a municipality's obligations: its own organisation, and the associations (the VNG) that buy collectively. */
export interface Recipients {
  /** Organisation id by municipality code. */
  municipalities: ReadonlyMap<string, string>;
  associations: readonly string[];
}

/** An invoice past its due date with something outstanding, as the overdue texts read it. */
export type OverdueInvoiceFacts = OverdueInvoice;

/** A judgement as the evaluation stores and compares it: `dutyCode:municipalityCode`. */
export const stateKey = (dutyCode: string, municipalityCode: string) => `${dutyCode}:${municipalityCode}`;

/**
 * Whether a changed status is worth telling: always, except a first evaluation that finds the
 * duty met (nothing happened that anyone should act on).
 */
export const worthTelling = (previous: ObligationStatus | null, status: ObligationStatus): boolean =>
  previous !== null || status !== 'COMPLIANT';

/**
 * The notifications of a changed status, to the municipality (everyone there) and the
 * associations' contract managers: coverage ending (AT_RISK), non-compliant, or compliant again.
 * Once per municipality, duty, status and day.
 */
export function obligationNotifications(
  { municipality, duty, evaluation, covering, explanation }: Judgement,
  previous: ObligationStatus | null,
  day: IsoDate,
  recipients: Recipients,
): NotificationDraft[] {
  const { status, coveredUntil, uncoveredFrom } = evaluation;
  const contracts = [...new Set(covering.map((c) => c.contract.reference))].join(', ') || 'geen contract';
  const content =
    status === 'AT_RISK'
      ? {
          kind: 'COVERAGE_ENDING' as const,
          title: `Dekking ${duty.name.toLowerCase()} voor ${municipality.name} eindigt op ${dutchDate(coveredUntil!)}`,
          message: `De dekking door ${contracts} eindigt op ${dutchDate(coveredUntil!)} en er is geen opvolgend contract: vanaf ${dutchDate(uncoveredFrom!)} voldoet ${municipality.name} niet meer aan ${duty.legalBasis}.`,
        }
      : status === 'NON_COMPLIANT'
        ? {
            kind: 'NON_COMPLIANT' as const,
            title: `${municipality.name} voldoet niet aan ${duty.legalBasis}`,
            message: explanation,
          }
        : {
            kind: 'COMPLIANT_AGAIN' as const,
            title: `${municipality.name} voldoet weer aan ${duty.legalBasis}`,
            message: explanation,
          };
  const base = {
    ...content,
    municipalityCode: municipality.code,
    subjectType: 'obligation',
    subjectId: duty.code,
    data: { dutyCode: duty.code, previousStatus: previous, status, since: day, coveredUntil, uncoveredFrom },
    dedupeKey: `obligation:${municipality.code}:${duty.code}:${status}:${day}`,
  };
  const own = recipients.municipalities.get(municipality.code);
  return [
    ...(own ? [{ ...base, organisationId: own, roles: [] }] : []),
    ...recipients.associations.map((organisationId) => ({
      ...base,
      organisationId,
      roles: ['CONTRACT_MANAGER' as const],
    })),
  ];
}

/** `obligation.changed` for the municipality's and the associations' webhooks. */
export function obligationChangedEvent(
  { municipality, duty, evaluation, explanation }: Judgement,
  previous: ObligationStatus | null,
  day: IsoDate,
  recipients: Recipients,
): EventDraft {
  return {
    event: 'obligation.changed',
    organisationIds: [recipients.municipalities.get(municipality.code), ...recipients.associations].filter(
      (id): id is string => !!id,
    ),
    data: {
      municipalityCode: municipality.code,
      municipalityName: municipality.name,
      dutyCode: duty.code,
      previousStatus: previous,
      status: evaluation.status,
      since: day,
      coveredUntil: evaluation.coveredUntil,
      uncoveredFrom: evaluation.uncoveredFrom,
      explanation,
    },
  };
}

/** An overdue invoice, told once to the customer's finance staff and the supplier's finance staff and administrators. */
export function overdueNotifications(invoice: OverdueInvoiceFacts): NotificationDraft[] {
  const base = {
    kind: 'INVOICE_OVERDUE' as const,
    municipalityCode: invoice.municipalityCode,
    subjectType: 'invoice',
    subjectId: invoice.id,
    title: `Factuur ${invoice.number} is vervallen`,
    message: `Factuur ${invoice.number} van ${invoice.supplierName} aan ${invoice.customerName} had uiterlijk op ${dutchDate(invoice.dueDate)} betaald moeten zijn; er staat EUR ${formatEuroCents(invoice.outstandingCents)} open.`,
    data: {
      invoiceId: invoice.id,
      number: invoice.number,
      dueDate: invoice.dueDate,
      totalCents: invoice.totalCents,
      outstandingCents: invoice.outstandingCents,
    },
    dedupeKey: `invoice-overdue:${invoice.id}`,
  };
  return [
    { ...base, organisationId: invoice.customerOrganisationId, roles: ['FINANCE'] },
    { ...base, organisationId: invoice.supplierId, roles: ['FINANCE', 'PROVIDER_ADMIN'] },
  ];
}

/** `invoice.overdue` for both parties' webhooks. */
export function invoiceOverdueEvent(invoice: OverdueInvoiceFacts): EventDraft {
  return {
    event: 'invoice.overdue',
    organisationIds: [invoice.customerOrganisationId, invoice.supplierId],
    data: {
      id: invoice.id,
      number: invoice.number,
      municipalityCode: invoice.municipalityCode,
      dueDate: invoice.dueDate,
      totalCents: invoice.totalCents,
      outstandingCents: invoice.outstandingCents,
      currency: 'EUR',
    },
  };
}
