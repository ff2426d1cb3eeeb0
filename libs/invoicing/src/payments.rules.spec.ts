import { RequestValidationError } from '@wmo/common';
import { cents } from '@wmo/domain';
import type { DocumentStatus } from './invoicing.constants';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import { assertPayableType, assertPayment, outstandingCents } from './payments.rules';
import { thrown } from '../../../test/unit/support/thrown';

const invoice = { number: 'SEN-2026-000001', issueDate: '2026-02-01', totalCents: cents(1_742_525) };
const status = (s: DocumentStatus, paid = 0, credited = 0) => ({
  status: s,
  paidCents: cents(paid),
  creditedCents: cents(credited),
});
const TODAY = '2026-03-15';

describe('payments on an invoice', () => {
  it('what is outstanding: the total less credited and paid', () => {
    expect(outstandingCents(invoice, status('PARTIALLY_PAID', 100_000, 42_525))).toBe(1_600_000);
  });

  it('exactly what is outstanding, dated on the invoice date or today, is accepted', () => {
    for (const date of ['2026-02-01', TODAY])
      expect(() =>
        assertPayment({
          invoice,
          status: status('PARTIALLY_PAID', 100_000, 42_525),
          payment: { amountCents: 1_600_000, date },
          today: TODAY,
        }),
      ).not.toThrow();
  });

  it('one cent more than is outstanding: OVERPAYMENT (422) with outstandingCents', () => {
    const error = thrown(() =>
      assertPayment({
        invoice,
        status: status('PARTIALLY_PAID', 100_000, 42_525),
        payment: { amountCents: 1_600_001, date: TODAY },
        today: TODAY,
      }),
    ) as InvoicingError;
    expect([error.code, error.httpStatus(), error.extensions]).toEqual([
      InvoicingErrorCode.Overpayment,
      422,
      { outstandingCents: 1_600_000 },
    ]);
    expect(error.message).toBe(
      'EUR 16000.00 is outstanding on SEN-2026-000001; a payment of EUR 16000.01 is more than that.',
    );
  });

  it('on a credited invoice: PAYMENT_REFUSED, before the amount is looked at', () => {
    const error = thrown(() =>
      assertPayment({
        invoice,
        status: status('CREDITED', 0, 1_742_525),
        payment: { amountCents: 1, date: TODAY },
        today: TODAY,
      }),
    ) as InvoicingError;
    expect([error.code, error.message]).toEqual([
      InvoicingErrorCode.PaymentRefused,
      'SEN-2026-000001 has been credited in full; no payment can be recorded on it.',
    ]);
  });

  it('dated before the invoice: a validation error on date', () => {
    const error = thrown(() =>
      assertPayment({ invoice, status: status('OPEN'), payment: { amountCents: 1, date: '2026-01-31' }, today: TODAY }),
    ) as RequestValidationError;
    expect(error.fieldErrors).toEqual([
      { field: 'date', message: 'date must not be before the invoice date 2026-02-01' },
    ]);
  });

  it('dated in the future: a validation error on date', () => {
    const error = thrown(() =>
      assertPayment({ invoice, status: status('OPEN'), payment: { amountCents: 1, date: '2026-03-16' }, today: TODAY }),
    ) as RequestValidationError;
    expect(error.fieldErrors).toEqual([
      { field: 'date', message: 'date must not be in the future; record a payment once it is received' },
    ]);
  });

  it('an overpayment is reported before a wrong date', () => {
    const error = thrown(() =>
      assertPayment({
        invoice,
        status: status('OPEN'),
        payment: { amountCents: 1_742_526, date: '2027-01-01' },
        today: TODAY,
      }),
    ) as InvoicingError;
    expect(error.code).toBe(InvoicingErrorCode.Overpayment);
  });

  it('only invoices take payments', () => {
    expect(() => assertPayableType({ type: 'INVOICE', number: 'SEN-2026-000001' })).not.toThrow();
    expect(
      (thrown(() => assertPayableType({ type: 'ALLOCATION_STATEMENT', number: 'SEN-AS-2016-000001' })) as Error)
        .message,
    ).toBe('SEN-AS-2016-000001 is not an invoice; payments are recorded on invoices.');
  });
});
