import { Cents, IsoDate, plusCents } from '@wmo/domain';
import type { EventDraft } from '@wmo/notifications';
import type { DocumentType } from './invoicing.constants';

/** What an `invoice.issued` webhook says about a document (invoice, credit note or allocation statement). */
export interface IssuedDocument {
  id: string;
  number: string;
  type: DocumentType;
  /** For a credit note: the number of the invoice it corrects. */
  credits?: string | null;
  customerOrganisationId: string;
  municipalityCode: string | null;
  contractReference: string;
  period: { start: IsoDate; end: IsoDate };
  issueDate: IsoDate;
  dueDate: IsoDate;
  subtotalCents: Cents;
  vatCents: Cents;
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
      // An allocation statement is settled through the municipal fund: nothing falls due.
      dueDate: doc.type === 'ALLOCATION_STATEMENT' ? null : doc.dueDate,
      subtotalCents: doc.subtotalCents,
      vatCents: doc.vatCents,
      totalCents: plusCents(doc.subtotalCents, doc.vatCents),
      currency: 'EUR',
      pdf: `/api/v1/invoices/${doc.id}/pdf`,
    },
  };
}
