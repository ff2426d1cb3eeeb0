import { assertUnreachable, DomainError } from '@wmo/common';

export enum InvoicingErrorCode {
  RunNotFound = 'INVOICE_RUN_NOT_FOUND',
  DocumentNotFound = 'DOCUMENT_NOT_FOUND',
  MunicipalityNotFound = 'MUNICIPALITY_NOT_FOUND',
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
}

const TITLES: Record<InvoicingErrorCode, string> = {
  [InvoicingErrorCode.RunNotFound]: 'Invoice run not found',
  [InvoicingErrorCode.DocumentNotFound]: 'Document not found',
  [InvoicingErrorCode.MunicipalityNotFound]: 'Municipality not found',
  [InvoicingErrorCode.NotAllowed]: 'You may not start invoice runs for this contract',
  [InvoicingErrorCode.ContractNotBillable]: 'The contract cannot be invoiced for this period',
  [InvoicingErrorCode.PopulationMissing]: 'No CBS population figures for the reference date',
  [InvoicingErrorCode.IdempotencyKeyReused]: 'Idempotency key already used for another request',
  [InvoicingErrorCode.IdempotencyKeyMissing]: 'Idempotency-Key header required',
  [InvoicingErrorCode.CreditTooLarge]: 'Credit larger than what is left to credit',
  [InvoicingErrorCode.NotCreditable]: 'Only invoices can be credited',
  [InvoicingErrorCode.Overpayment]: 'Payment larger than what is outstanding',
  [InvoicingErrorCode.PaymentRefused]: 'No payment can be recorded on this document',
  [InvoicingErrorCode.EInvoiceIncomplete]: 'The e-invoice cannot be made complete',
  [InvoicingErrorCode.PeriodOverlaps]: 'Part of this period has been invoiced already',
};

export class InvoicingError extends DomainError {
  readonly title: string;

  constructor(
    readonly code: InvoicingErrorCode,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(detail, extensions);
    this.title = TITLES[code];
  }

  httpStatus(): number {
    switch (this.code) {
      case InvoicingErrorCode.RunNotFound:
      case InvoicingErrorCode.DocumentNotFound:
      case InvoicingErrorCode.MunicipalityNotFound:
        return 404;
      case InvoicingErrorCode.NotAllowed:
        return 403;
      case InvoicingErrorCode.IdempotencyKeyMissing:
        return 400;
      case InvoicingErrorCode.ContractNotBillable:
      case InvoicingErrorCode.PeriodOverlaps:
        return 409;
      case InvoicingErrorCode.PopulationMissing:
      case InvoicingErrorCode.IdempotencyKeyReused:
      case InvoicingErrorCode.CreditTooLarge:
      case InvoicingErrorCode.NotCreditable:
      case InvoicingErrorCode.Overpayment:
      case InvoicingErrorCode.PaymentRefused:
      case InvoicingErrorCode.EInvoiceIncomplete:
        return 422;
      default:
        return assertUnreachable(this.code);
    }
  }
}

export const documentNotFound = (id: string) =>
  new InvoicingError(InvoicingErrorCode.DocumentNotFound, `There is no document ${id} that you can see.`);
