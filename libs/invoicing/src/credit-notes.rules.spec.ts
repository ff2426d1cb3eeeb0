import { RequestValidationError } from '@wmo/common';
import { cents, ZERO_CENTS } from '@wmo/domain';
import {
  allocateCorrection,
  allocateCredit,
  assertCreditable,
  creditLineText,
  creditNoteNote,
  creditNoteTotals,
  numberPrefixOf,
} from './credit-notes.rules';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import { thrown } from '../../../test/unit/support/thrown';

const INVOICE = 'SEN-2026-000001';
/** Line 1: 600.00, nothing credited; line 2: 400.00 of which 150.00 credited; line 3: 50.00, credited in full. */
const LINES = [
  { lineNumber: 1, amountCents: cents(60_000), creditedCents: ZERO_CENTS },
  { lineNumber: 2, amountCents: cents(40_000), creditedCents: cents(15_000) },
  { lineNumber: 3, amountCents: cents(5_000), creditedCents: cents(5_000) },
];

describe('allocateCredit: which lines a credit note credits, and how much', () => {
  it('without lines: what is left on every line that has something left', () => {
    expect(allocateCredit(INVOICE, LINES).map((a) => [a.source.lineNumber, a.amountCents])).toEqual([
      [1, 60_000],
      [2, 25_000],
    ]);
  });

  it('without lines, when nothing is left: CREDIT_TOO_LARGE with remainingCents 0', () => {
    const error = thrown(() =>
      allocateCredit(INVOICE, [{ lineNumber: 1, amountCents: cents(100), creditedCents: cents(100) }]),
    ) as InvoicingError;
    expect([error.code, error.httpStatus(), error.message, error.extensions]).toEqual([
      InvoicingErrorCode.CreditTooLarge,
      422,
      'SEN-2026-000001 has been credited in full already.',
      { remainingCents: 0 },
    ]);
  });

  it('partial, per line: each named line for the amount asked, in the order named', () => {
    expect(
      allocateCredit(INVOICE, LINES, [
        { lineNumber: 2, amountCents: 25_000 },
        { lineNumber: 1, amountCents: 1 },
      ]).map((a) => [a.source.lineNumber, a.amountCents]),
    ).toEqual([
      [2, 25_000],
      [1, 1],
    ]);
  });

  it('more than is left on a line: CREDIT_TOO_LARGE with the line and its remainingCents', () => {
    const error = thrown(() =>
      allocateCredit(INVOICE, LINES, [{ lineNumber: 2, amountCents: 25_001 }]),
    ) as InvoicingError;
    expect(error.code).toBe(InvoicingErrorCode.CreditTooLarge);
    expect(error.message).toBe(
      'EUR 250.00 of line 2 (EUR 400.00) is left to credit; it cannot be credited for EUR 250.01.',
    );
    expect(error.extensions).toEqual({ lineNumber: 2, remainingCents: 25_000 });
  });

  it('a line credited in full has nothing left: remainingCents 0', () => {
    const error = thrown(() => allocateCredit(INVOICE, LINES, [{ lineNumber: 3, amountCents: 1 }])) as InvoicingError;
    expect(error.extensions).toEqual({ lineNumber: 3, remainingCents: 0 });
  });

  it('a line the invoice does not have is a validation error on that entry', () => {
    const error = thrown(() =>
      allocateCredit(INVOICE, LINES, [
        { lineNumber: 1, amountCents: 100 },
        { lineNumber: 9, amountCents: 100 },
      ]),
    ) as RequestValidationError;
    expect(error.fieldErrors).toEqual([{ field: 'lines.1.lineNumber', message: 'SEN-2026-000001 has no line 9' }]);
  });

  it('a line named twice is refused at its second mention', () => {
    const error = thrown(() =>
      allocateCredit(INVOICE, LINES, [
        { lineNumber: 1, amountCents: 100 },
        { lineNumber: 2, amountCents: 100 },
        { lineNumber: 1, amountCents: 100 },
      ]),
    ) as RequestValidationError;
    expect(error.fieldErrors).toEqual([
      { field: 'lines.2.lineNumber', message: 'line 1 is named twice; give one amount per line' },
    ]);
  });

  it('the first problem in the order named wins: too much on line 1 before line 9 is missing', () => {
    const error = thrown(() =>
      allocateCredit(INVOICE, LINES, [
        { lineNumber: 1, amountCents: 60_001 },
        { lineNumber: 9, amountCents: 1 },
      ]),
    ) as InvoicingError;
    expect(error.extensions).toEqual({ lineNumber: 1, remainingCents: 60_000 });
  });
});

describe('creditLineText: the texts of a credit line', () => {
  const source = {
    lineNumber: 2,
    amountCents: cents(1_742_525),
    text: {
      description: 'Luisterend oor 01-01-2025 t/m 31-12-2025: Assen (GM0106)',
      calculation: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500',
    },
  };

  it('a full credit names the invoice line and repeats its calculation', () => {
    expect(creditLineText(INVOICE, source, cents(1_742_525))).toEqual({
      description: 'Creditering SEN-2026-000001 regel 2: Luisterend oor 01-01-2025 t/m 31-12-2025: Assen (GM0106)',
      calculation: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500',
    });
  });

  it('a partial credit says of how much, in Dutch euro format', () => {
    expect(creditLineText(INVOICE, source, cents(100_000)).calculation).toBe(
      'gedeeltelijk: EUR 1.000,00 van EUR 17.425,25',
    );
  });
});

describe('creditNoteTotals: VAT so that partial credits add up to the invoice to the cent', () => {
  it('a full credit of a 21% invoice of 100.05 (VAT 21.01) credits 21.01', () => {
    expect(
      creditNoteTotals({
        vatRate: '21.00',
        crediting: [{ amountCents: cents(10_005) }],
        creditedBefore: [],
        creditedVatBefore: ZERO_CENTS,
      }),
    ).toEqual({ subtotalCents: 10_005, vatCents: 2_101 });
  });

  it('credited in two halves, 50.02 then 50.03: VAT 10.50 then 10.51, together the invoice VAT 21.01', () => {
    const first = creditNoteTotals({
      vatRate: '21.00',
      crediting: [{ amountCents: cents(5_002) }],
      creditedBefore: [],
      creditedVatBefore: ZERO_CENTS,
    });
    const second = creditNoteTotals({
      vatRate: '21.00',
      crediting: [{ amountCents: cents(5_003) }],
      creditedBefore: [cents(5_002)],
      creditedVatBefore: first.vatCents,
    });
    expect([first.vatCents, second.vatCents, first.vatCents + second.vatCents]).toEqual([1_050, 1_051, 2_101]);
  });

  it('what was credited before counts over every line (and credit lines that name none)', () => {
    expect(
      creditNoteTotals({
        vatRate: '21.00',
        crediting: [{ amountCents: cents(1) }],
        creditedBefore: [cents(5_000), cents(5_004)],
        creditedVatBefore: cents(2_101),
      }).vatCents,
    ).toBe(0);
  });
});

describe('credit notes are issued on invoices only, in their series, with the reason as note', () => {
  it('a credit note or an allocation statement is NOT_CREDITABLE', () => {
    expect(() => assertCreditable({ type: 'INVOICE', number: INVOICE })).not.toThrow();
    expect(
      (thrown(() => assertCreditable({ type: 'CREDIT_NOTE', number: 'SEN-CN-2026-000001' })) as Error).message,
    ).toBe('SEN-CN-2026-000001 is a credit note; only invoices are credited.');
    expect(
      (thrown(() => assertCreditable({ type: 'ALLOCATION_STATEMENT', number: 'SEN-AS-2016-000001' })) as InvoicingError)
        .code,
    ).toBe(InvoicingErrorCode.NotCreditable);
  });

  it('the prefix of the invoice number and the note', () => {
    expect(numberPrefixOf('SEN-2026-000001')).toBe('SEN');
    expect(creditNoteNote(INVOICE, 'Inwonertal gecorrigeerd')).toBe(
      'Creditnota op SEN-2026-000001: Inwonertal gecorrigeerd',
    );
  });
});

describe('allocateCorrection', () => {
  const line = (lineNumber: number, amount: number, credited = 0) => ({
    lineNumber,
    amountCents: cents(amount),
    creditedCents: cents(credited),
  });

  it('takes the amount from the last lines first, never more than is left on a line, in line order', () => {
    const { crediting, remaining } = allocateCorrection([line(1, 1000), line(2, 500, 200)], cents(600));
    expect(crediting.map(({ source, amountCents }) => [source.lineNumber, amountCents])).toEqual([
      [1, 300],
      [2, 300],
    ]);
    expect(remaining).toBe(0);
  });

  it('leaves for older invoices what this one cannot take', () => {
    const { crediting, remaining } = allocateCorrection([line(1, 1000, 900)], cents(250));
    expect(crediting.map(({ amountCents }) => amountCents)).toEqual([100]);
    expect(remaining).toBe(150);
  });
});
