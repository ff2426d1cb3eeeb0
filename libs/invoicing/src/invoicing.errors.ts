import { ErrorCatalogue, FeatureError } from '@wmo/common';

export enum InvoicingErrorCode {
  RunNotFound = 'INVOICE_RUN_NOT_FOUND',
  InvalidBillingFile = 'INVALID_BILLING_FILE',
  NotACsvFile = 'NOT_A_CSV_FILE',
  DocumentNotFound = 'DOCUMENT_NOT_FOUND',
  MunicipalityNotFound = 'MUNICIPALITY_NOT_FOUND',
  OrganisationNotFound = 'ORGANISATION_NOT_FOUND',
  ContractNotFound = 'CONTRACT_NOT_FOUND',
  PeriodNotInvoiced = 'PERIOD_NOT_INVOICED',
  NotReplaceable = 'NOT_REPLACEABLE',
  RunNotFailed = 'INVOICE_RUN_NOT_FAILED',
  NotAllowed = 'NOT_ALLOWED_TO_INVOICE',
  ContractNotBillable = 'CONTRACT_NOT_BILLABLE',
  PopulationMissing = 'POPULATION_MISSING',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyKeyMissing = 'IDEMPOTENCY_KEY_MISSING',
  CreditTooLarge = 'CREDIT_TOO_LARGE',
  NotCreditable = 'NOT_CREDITABLE',
  Overpayment = 'OVERPAYMENT',
  PaymentRefused = 'PAYMENT_REFUSED',
  EInvoiceIncomplete = 'E_INVOICE_INCOMPLETE',
  PeriodOverlaps = 'PERIOD_ALREADY_INVOICED',
  RunNotFinished = 'INVOICE_RUN_NOT_FINISHED',
}

const INVOICING_ERRORS: ErrorCatalogue<InvoicingErrorCode> = {
  [InvoicingErrorCode.RunNotFound]: { status: 404, title: 'Invoice run not found' },
  [InvoicingErrorCode.InvalidBillingFile]: {
    status: 422,
    title: 'The billing-details file has problems; nothing was written',
  },
  [InvoicingErrorCode.NotACsvFile]: { status: 415, title: 'Send the file as text/csv' },
  [InvoicingErrorCode.DocumentNotFound]: { status: 404, title: 'Document not found' },
  [InvoicingErrorCode.MunicipalityNotFound]: { status: 404, title: 'Municipality not found' },
  [InvoicingErrorCode.OrganisationNotFound]: { status: 404, title: 'Organisation not found' },
  [InvoicingErrorCode.ContractNotFound]: { status: 404, title: 'Contract not found' },
  [InvoicingErrorCode.RunNotFailed]: { status: 409, title: 'Only a failed invoice run is resumed' },
  [InvoicingErrorCode.NotReplaceable]: { status: 422, title: 'This invoice cannot be replaced whole' },
  [InvoicingErrorCode.PeriodNotInvoiced]: { status: 409, title: 'No completed invoice run for this period' },
  [InvoicingErrorCode.NotAllowed]: { status: 403, title: 'You may not start invoice runs for this contract' },
  [InvoicingErrorCode.ContractNotBillable]: { status: 409, title: 'The contract cannot be invoiced for this period' },
  [InvoicingErrorCode.PopulationMissing]: { status: 422, title: 'No CBS population figures for the reference date' },
  [InvoicingErrorCode.IdempotencyKeyReused]: { status: 422, title: 'Idempotency key already used for another request' },
  [InvoicingErrorCode.IdempotencyKeyMissing]: { status: 400, title: 'Idempotency-Key header required' },
  [InvoicingErrorCode.CreditTooLarge]: { status: 422, title: 'Credit larger than what is left to credit' },
  [InvoicingErrorCode.NotCreditable]: { status: 422, title: 'Only invoices can be credited' },
  [InvoicingErrorCode.Overpayment]: { status: 422, title: 'Payment larger than what is outstanding' },
  [InvoicingErrorCode.PaymentRefused]: { status: 422, title: 'No payment can be recorded on this document' },
  [InvoicingErrorCode.EInvoiceIncomplete]: { status: 422, title: 'The e-invoice cannot be made complete' },
  [InvoicingErrorCode.PeriodOverlaps]: { status: 409, title: 'Part of this period has been invoiced already' },
  [InvoicingErrorCode.RunNotFinished]: { status: 409, title: 'The invoice run has not completed' },
};

export class InvoicingError extends FeatureError<InvoicingErrorCode> {
  protected catalogue(): ErrorCatalogue<InvoicingErrorCode> {
    return INVOICING_ERRORS;
  }
}

export const documentNotFound = (id: string) =>
  new InvoicingError(InvoicingErrorCode.DocumentNotFound, `There is no document ${id} that you can see.`);
