import { RequestValidationError } from '@wmo/common';
import { Cents, centsToDecimal, IsoDate, minusCents } from '@wmo/domain';
import type { DocumentStatus, DocumentType } from './invoicing.constants';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';

/** Payments are recorded on invoices only. */
export function assertPayableType(document: { type: DocumentType; number: string }): void {
  if (document.type !== 'INVOICE')
    throw new InvoicingError(
      InvoicingErrorCode.PaymentRefused,
      `${document.number} is not an invoice; payments are recorded on invoices.`,
    );
}

/** What is outstanding on an invoice: its total less what was credited and paid. */
export const outstandingCents = (invoice: { totalCents: Cents }, status: { paidCents: Cents; creditedCents: Cents }) =>
  minusCents(minusCents(invoice.totalCents, status.creditedCents), status.paidCents);

/**
 * A payment on an invoice, in this order: refused on a credited invoice, above what is
 * outstanding, dated before the invoice, or dated in the future (record a payment once it is
 * received).
 */
export function assertPayment(input: {
  invoice: { number: string; issueDate: IsoDate; totalCents: Cents };
  status: { status: DocumentStatus; paidCents: Cents; creditedCents: Cents };
  payment: { amountCents: number; date: IsoDate };
  today: IsoDate;
}): void {
  const { invoice, status, payment } = input;
  if (status.status === 'CREDITED')
    throw new InvoicingError(
      InvoicingErrorCode.PaymentRefused,
      `${invoice.number} has been credited in full; no payment can be recorded on it.`,
    );
  const outstanding = outstandingCents(invoice, status);
  if (payment.amountCents > outstanding)
    throw new InvoicingError(
      InvoicingErrorCode.Overpayment,
      `EUR ${centsToDecimal(outstanding)} is outstanding on ${invoice.number}; a payment of EUR ${centsToDecimal(payment.amountCents)} is more than that.`,
      { outstandingCents: outstanding },
    );
  if (payment.date < invoice.issueDate)
    throw new RequestValidationError([
      { field: 'date', message: `date must not be before the invoice date ${invoice.issueDate}` },
    ]);
  if (payment.date > input.today)
    throw new RequestValidationError([
      { field: 'date', message: 'date must not be in the future; record a payment once it is received' },
    ]);
}
