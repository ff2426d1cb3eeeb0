import { RequestValidationError } from '@wmo/common';
import type { SupplierBillingDetails } from '@wmo/contracts';
import { cents } from '@wmo/domain';
import type { Principal, Role } from '@wmo/tenancy';
import { ASSEN_CUSTOMER } from './__fixtures__/stored-documents';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import {
  approximationExplanation,
  approximationNote,
  assertIdempotencyKey,
  assertMayCorrect,
  assertMayInvoice,
  assertRunRequest,
  billablePeriod,
  canInvoice,
  customerSnapshot,
  documentTotals,
  emptyCustomer,
  fundingDocumentType,
  mayStorePdf,
  runRequestHash,
  supplierSnapshot,
} from './invoicing.rules';
import { thrown } from '../../../test/unit/support/thrown';

const VNG = 'org-vng';
const SENSOOR = 'org-sensoor';
const principal = (organisationId: string, roles: Role[]): Principal => ({
  kind: 'user',
  id: 'user-1',
  userId: 'user-1',
  apiKeyId: null,
  organisationId,
  organisationKind: organisationId === VNG ? 'ASSOCIATION' : 'PROVIDER',
  municipalityCode: null,
  roles,
});
const contract = { contractingOrganisationId: VNG, supplierId: SENSOOR, reference: 'VNG-SEN-2018' };

describe('canInvoice: who may start an invoice run', () => {
  it.each<[string, boolean, Principal]>([
    ["the contracting party's CONTRACT_MANAGER", true, principal(VNG, ['CONTRACT_MANAGER'])],
    ["the contracting party's ORG_ADMIN", false, principal(VNG, ['ORG_ADMIN'])],
    ["the supplier's PROVIDER_ADMIN", true, principal(SENSOOR, ['PROVIDER_ADMIN'])],
    ["the supplier's FINANCE", true, principal(SENSOOR, ['FINANCE'])],
    ["the supplier's CONTRACT_MANAGER", false, principal(SENSOOR, ['CONTRACT_MANAGER'])],
    ["another provider's FINANCE", false, principal('org-other', ['FINANCE'])],
    ['an operator', true, principal('org-platform', ['OPERATOR'])],
  ])('%s may invoice: %s', (_who, allowed, caller) => {
    expect(canInvoice(caller, contract)).toBe(allowed);
  });

  it('refusal is NOT_ALLOWED_TO_INVOICE (403) naming the contract', () => {
    const error = thrown(() => assertMayInvoice(principal(VNG, ['ORG_ADMIN']), contract)) as InvoicingError;
    expect(error.code).toBe(InvoicingErrorCode.NotAllowed);
    expect(error.httpStatus()).toBe(403);
    expect(error.message).toBe(
      "Invoice runs for VNG-SEN-2018 are started by its contracting party's CONTRACT_MANAGER or the supplier's PROVIDER_ADMIN or FINANCE.",
    );
  });
});

describe('assertRunRequest: a year, or a period', () => {
  const fieldErrors = (request: Parameters<typeof assertRunRequest>[0]) =>
    (thrown(() => assertRunRequest(request)) as RequestValidationError).fieldErrors;

  it('a year alone, or both ends of a period, is a request', () => {
    expect(() => assertRunRequest({ year: 2025 })).not.toThrow();
    expect(() => assertRunRequest({ periodStart: '2025-01-01', periodEnd: '2025-03-31' })).not.toThrow();
    expect(() => assertRunRequest({ periodStart: '2025-01-01', periodEnd: '2025-01-01' })).not.toThrow();
  });

  it('neither, or both a year and a period, is refused', () => {
    expect(fieldErrors({})).toEqual([{ field: 'year', message: 'give either year, or periodStart and periodEnd' }]);
    expect(fieldErrors({ year: 2025, periodStart: '2025-01-01', periodEnd: '2025-03-31' })).toEqual([
      { field: 'periodStart', message: 'give either year, or periodStart and periodEnd' },
    ]);
  });

  it('one end of a period alone names the missing end', () => {
    expect(fieldErrors({ periodStart: '2025-01-01' })).toEqual([
      { field: 'periodEnd', message: 'periodStart and periodEnd go together' },
    ]);
    expect(fieldErrors({ periodEnd: '2025-01-01' })).toEqual([
      { field: 'periodStart', message: 'periodStart and periodEnd go together' },
    ]);
  });

  it('periodEnd before periodStart is refused', () => {
    expect(fieldErrors({ periodStart: '2025-04-01', periodEnd: '2025-03-31' })).toEqual([
      { field: 'periodEnd', message: 'periodEnd must not be before periodStart' },
    ]);
  });
});

describe('billablePeriod: the contract must be activated and its term must share a day with the period', () => {
  const active = {
    reference: 'VNG-SEN-2018',
    status: 'ACTIVE' as const,
    startDate: '2018-01-01',
    endDate: '2025-12-31',
  };

  it('a year inside the term is billed whole', () => {
    expect(billablePeriod(active, { year: 2025 })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('a period that overlaps the term on one day is billable', () => {
    expect(billablePeriod(active, { periodStart: '2025-12-31', periodEnd: '2026-01-31' })).toEqual({
      from: '2025-12-31',
      to: '2026-01-31',
    });
  });

  it('a period outside the term is CONTRACT_NOT_BILLABLE (409)', () => {
    const error = thrown(() => billablePeriod(active, { year: 2026 })) as InvoicingError;
    expect(error.code).toBe(InvoicingErrorCode.ContractNotBillable);
    expect(error.httpStatus()).toBe(409);
    expect(error.message).toBe(
      'The period 2026-01-01 to 2026-12-31 lies outside the contract term 2018-01-01 to 2025-12-31.',
    );
  });

  it('an open-ended term says so', () => {
    const error = thrown(() => billablePeriod({ ...active, endDate: null }, { year: 2017 })) as InvoicingError;
    expect(error.message).toBe(
      'The period 2017-01-01 to 2017-12-31 lies outside the contract term 2018-01-01 to open-ended.',
    );
  });

  it('a draft is refused before its term is looked at', () => {
    const error = thrown(() => billablePeriod({ ...active, status: 'DRAFT' }, { year: 2030 })) as InvoicingError;
    expect(error.code).toBe(InvoicingErrorCode.ContractNotBillable);
    expect(error.message).toBe('Contract VNG-SEN-2018 is a draft; activate it before invoicing.');
  });
});

describe('the Idempotency-Key of a run', () => {
  it('missing is IDEMPOTENCY_KEY_MISSING (400)', () => {
    const error = thrown(() => assertIdempotencyKey(undefined)) as InvoicingError;
    expect([error.code, error.httpStatus()]).toEqual([InvoicingErrorCode.IdempotencyKeyMissing, 400]);
  });

  it('200 characters are accepted, 201 refused on the header', () => {
    expect(() => assertIdempotencyKey('k'.repeat(200))).not.toThrow();
    expect((thrown(() => assertIdempotencyKey('k'.repeat(201))) as RequestValidationError).fieldErrors).toEqual([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be at most 200 characters' },
    ]);
  });

  it('the same contract and period hash alike; another period does not', () => {
    const period = { from: '2025-01-01', to: '2025-12-31' };
    expect(runRequestHash('c-1', period)).toBe(runRequestHash('c-1', { ...period }));
    expect(runRequestHash('c-1', period)).toMatch(/^[0-9a-f]{64}$/);
    expect(runRequestHash('c-1', { ...period, to: '2025-06-30' })).not.toBe(runRequestHash('c-1', period));
  });
});

describe('fundingDocumentType', () => {
  it('fund withholding gives allocation statements; direct and central invoicing give invoices', () => {
    expect(fundingDocumentType('FUND_WITHHOLDING')).toBe('ALLOCATION_STATEMENT');
    expect(fundingDocumentType('DIRECT_INVOICE')).toBe('INVOICE');
    expect(fundingDocumentType('CENTRAL_INVOICE')).toBe('INVOICE');
  });
});

describe('party snapshots', () => {
  it('emptyCustomer: the name alone, in the Netherlands, everything else unknown', () => {
    expect(emptyCustomer('Gemeente Assen')).toEqual({
      name: 'Gemeente Assen',
      kvkNumber: null,
      oin: null,
      street: null,
      postalCode: null,
      city: null,
      countryCode: 'NL',
      email: null,
    });
  });

  it('customerSnapshot: the billing details under the organisation name, the invoice e-mail as its e-mail', () => {
    expect(
      customerSnapshot('Gemeente Assen', {
        oin: '00000001001234567000',
        kvkNumber: null,
        street: 'Noordersingel 33',
        postalCode: '9401 JW',
        city: 'Assen',
        invoiceEmail: 'facturen@assen.nl',
      }),
    ).toEqual(ASSEN_CUSTOMER); // as the golden documents hold it: the details given, NL, and the invoice e-mail
  });

  it('supplierSnapshot: the legal name and billing details, without the invoice prefix', () => {
    const supplier: SupplierBillingDetails = {
      organisationId: SENSOOR,
      legalName: 'Stichting Sensoor',
      kvkNumber: '41150545',
      vatId: null,
      iban: 'NL28INGB0000000001',
      street: 'Postbus 1',
      postalCode: '3500 AA',
      city: 'Utrecht',
      countryCode: 'NL',
      email: null,
      invoicePrefix: 'SEN',
    };
    const { organisationId: _id, legalName: _name, invoicePrefix: _prefix, ...details } = supplier;
    expect(supplierSnapshot(supplier)).toEqual({ name: 'Stichting Sensoor', ...details });
  });
});

describe('documentTotals: per document, the sum of the rounded lines and the VAT once over it', () => {
  it('21% over 8,640.86 + 9,135.25 = 17,776.11 is 3,732.98 (rounded half up once, not per line)', () => {
    expect(documentTotals([{ amountCents: cents(864_086) }, { amountCents: cents(913_525) }], '21.00')).toEqual({
      subtotalCents: 1_777_611,
      vatCents: 373_298,
    });
  });

  it('an exempt document has no VAT', () => {
    expect(documentTotals([{ amountCents: cents(1_742_525) }], '0.00')).toEqual({
      subtotalCents: 1_742_525,
      vatCents: 0,
    });
  });

  it('half a cent of VAT rounds up: 21% of 0.50 is 0.105, so 0.11', () => {
    expect(documentTotals([{ amountCents: cents(50) }], '21.00').vatCents).toBe(11);
  });
});

describe('approximationNote', () => {
  it('each explanation once, in order of the lines; none without approximations', () => {
    expect(
      approximationNote([
        { approximationNote: 'Delfzijl naar rato.' },
        { approximationNote: null },
        { approximationNote: 'Delfzijl naar rato.' },
        { approximationNote: 'Haaren naar rato.' },
      ]),
    ).toBe('Toelichting inwonertal: Delfzijl naar rato. Haaren naar rato.');
    expect(approximationNote([{ approximationNote: null }])).toBeNull();
  });
});

describe('approximationExplanation: why the inhabitants are approximate, in Dutch, naming the municipalities', () => {
  // The names as data/reference has them (Maasdonk ended on 31 December 2014).
  const names = new Map([
    ['GM1671', 'Maasdonk'],
    ['GM0796', "'s-Hertogenbosch"],
    ['GM0828', 'Oss'],
    ['GM0424', 'Muiden'],
    ['GM0457', 'Weesp'],
    ['GM1942', 'Gooise Meren'],
  ]);
  const maasdonk = {
    oldCode: 'GM1671',
    effectiveDate: '2015-01-01',
    successorCodes: ['GM0796', 'GM0828'],
    source:
      "Nuland and Vinkel to 's-Hertogenbosch; plan figure 6,719 inhabitants (per metatopos, herindelingsplan, not CBS)",
  };

  it("a mere part counts none of the divided municipality: Maasdonk 2015 for 's-Hertogenbosch and for Oss", () => {
    expect(approximationExplanation([{ ...maasdonk, successorCode: 'GM0796', main: false }], names)).toBe(
      "Maasdonk is op 1 januari 2015 verdeeld over 's-Hertogenbosch en Oss, zonder bekend aandeel per gemeente; " +
        "het deel dat naar 's-Hertogenbosch ging telt hier niet mee.",
    );
    expect(approximationExplanation([{ ...maasdonk, successorCode: 'GM0828', main: false, source: null }], names)).toBe(
      "Maasdonk is op 1 januari 2015 verdeeld over 's-Hertogenbosch en Oss, zonder bekend aandeel per gemeente; " +
        'het deel dat naar Oss ging telt hier niet mee.',
    );
  });

  it('the main successor counts all of it', () => {
    expect(approximationExplanation([{ ...maasdonk, successorCode: 'GM0796', main: true }], names)).toBe(
      "Maasdonk is op 1 januari 2015 verdeeld over 's-Hertogenbosch en Oss, zonder bekend aandeel per gemeente; " +
        "'s-Hertogenbosch kreeg het grootste deel, dus heel Maasdonk telt hier mee.",
    );
  });

  it('one sentence per cause, in their order; null without causes', () => {
    const muiden = {
      oldCode: 'GM0424',
      effectiveDate: '2016-01-01',
      successorCodes: ['GM0457', 'GM1942'],
      successorCode: 'GM1942',
      main: true,
      source: null,
    };
    expect(approximationExplanation([muiden, { ...maasdonk, successorCode: 'GM0828', main: false }], names)).toBe(
      'Muiden is op 1 januari 2016 verdeeld over Weesp en Gooise Meren, zonder bekend aandeel per gemeente; ' +
        'Gooise Meren kreeg het grootste deel, dus heel Muiden telt hier mee. ' +
        "Maasdonk is op 1 januari 2015 verdeeld over 's-Hertogenbosch en Oss, zonder bekend aandeel per gemeente; " +
        'het deel dat naar Oss ging telt hier niet mee.',
    );
    expect(approximationExplanation([], names)).toBeNull();
  });

  it('names three successors as "A, B en C" (a hypothetical division over Vught too)', () => {
    const cause = { ...maasdonk, successorCodes: ['GM0796', 'GM0828', 'GM0865'], successorCode: 'GM0865', main: false };
    expect(approximationExplanation([cause], new Map([...names, ['GM0865', 'Vught']]))).toBe(
      "Maasdonk is op 1 januari 2015 verdeeld over 's-Hertogenbosch, Oss en Vught, zonder bekend aandeel per gemeente; " +
        'het deel dat naar Vught ging telt hier niet mee.',
    );
  });

  it('leaves the English source note of the reorganisation table off the document, and never invents a name', () => {
    const text = approximationExplanation([{ ...maasdonk, successorCode: 'GM0796', main: false }], new Map());
    expect(text).toBe(
      'GM1671 is op 1 januari 2015 verdeeld over GM0796 en GM0828, zonder bekend aandeel per gemeente; ' +
        'het deel dat naar GM0796 ging telt hier niet mee.',
    );
  });
});

describe('who corrects an issued document, and who may store its PDF', () => {
  const document = { supplierId: SENSOOR, number: 'SEN-2026-000001' };

  it.each<[string, boolean, Principal]>([
    ["the issuer's FINANCE", true, principal(SENSOOR, ['FINANCE'])],
    ["the issuer's PROVIDER_ADMIN", true, principal(SENSOOR, ['PROVIDER_ADMIN'])],
    ["the issuer's ORG_ADMIN", false, principal(SENSOOR, ['ORG_ADMIN'])],
    ["the customer's FINANCE", false, principal('org-assen', ['FINANCE'])],
    ['an operator', true, principal('org-platform', ['OPERATOR'])],
  ])('%s may credit and record payments: %s', (_who, allowed, caller) => {
    if (allowed) expect(() => assertMayCorrect(caller, document)).not.toThrow();
    else
      expect((thrown(() => assertMayCorrect(caller, document)) as InvoicingError).message).toBe(
        'Only the issuer of SEN-2026-000001 (its FINANCE or PROVIDER_ADMIN) can credit it or record payments.',
      );
  });

  it('the issuer and an operator store a rendered PDF; the customer only reads it', () => {
    expect(mayStorePdf(principal(SENSOOR, ['ORG_ADMIN']), SENSOOR)).toBe(true);
    expect(mayStorePdf(principal('org-platform', ['OPERATOR']), SENSOOR)).toBe(true);
    expect(mayStorePdf(principal('org-assen', ['FINANCE']), SENSOOR)).toBe(false);
  });
});
