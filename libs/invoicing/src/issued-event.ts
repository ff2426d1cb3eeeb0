import type { EventDraft } from '@wmo/notifications';

/** What an `invoice.issued` webhook says about a document (invoice, credit note or allocation statement). */
export interface IssuedDocument {
  id: string;
  number: string;
  type: string;
  /** For a credit note: the number of the invoice it corrects. */
  credits?: string | null;
  customerOrganisationId: string;
  municipalityCode: string | null;
  contractReference: string;
  period: { start: string; end: string };
  issueDate: string;
  dueDate: string;
  subtotalCents: number;
  vatCents: number;
}

/** The one shape of `invoice.issued`, for the run's documents and for credit notes alike; sent to the customer. */
export function issuedEvent(doc: IssuedDocument): EventDraft {
  return {
    event: 'invoice.issued',
    organisationIds: [doc.customerOrganisationId],
    data: {
      id: doc.id,
      number: doc.number,
      type: doc.type,
      ...(doc.credits !== undefined ? { credits: doc.credits } : {}),
      municipalityCode: doc.municipalityCode,
      contractReference: doc.contractReference,
      period: doc.period,
      issueDate: doc.issueDate,
      dueDate: doc.dueDate,
      subtotalCents: doc.subtotalCents,
      vatCents: doc.vatCents,
      totalCents: doc.subtotalCents + doc.vatCents,
      currency: 'EUR',
      pdf: `/api/v1/invoices/${doc.id}/pdf`,
    },
  };
}
