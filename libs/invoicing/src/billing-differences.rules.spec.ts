import { cents } from '@wmo/domain';
import { BilledLine, billingDifferences, correctionTotals } from './billing-differences.rules';
import type { ComputedParticipant } from './invoice-calculator';

// Aa en Hunze (GM1680): 25,845 inhabitants on 1 January 2024 (CBS, data/reference) x EUR 0.25.
const invoiceLine: BilledLine = {
  documentId: 'd1',
  number: 'SEN-2026-000001',
  type: 'INVOICE',
  municipalityCode: 'GM1680',
  amountCents: cents(646125),
  days: 365,
  daysInYear: 365,
  inhabitants: 25845,
  perInhabitant: '0.2500',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  referenceDate: '2024-01-01',
};

const due = (
  days: number,
  amount: number,
  overrides: Partial<ComputedParticipant['lines'][number]> = {},
): ComputedParticipant => ({
  code: 'GM1680',
  name: 'Aa en Hunze',
  inhabitants: 25845,
  subtotalCents: cents(amount),
  lines: [
    {
      municipalityCode: 'GM1680',
      description: '',
      calculation: '',
      inhabitants: 25845,
      perInhabitant: '0.2500',
      periodStart: '2025-01-01',
      periodEnd: days === 365 ? '2025-12-31' : '2025-08-31',
      days,
      daysInYear: 365,
      amountCents: cents(amount),
      approximationNote: null,
      ...overrides,
    },
  ],
});

const names = new Map([['GM1680', 'Aa en Hunze']]);

describe('billingDifferences', () => {
  it('a participation ended on 31 August: EUR 2,159.65 billed too much, with the reason in Dutch', () => {
    expect(billingDifferences([invoiceLine], [due(243, 430160)], names, new Set())).toEqual([
      {
        municipalityCode: 'GM1680',
        name: 'Aa en Hunze',
        billedCents: 646125,
        dueCents: 430160,
        differenceCents: -215965,
        documents: [{ id: 'd1', number: 'SEN-2026-000001', type: 'INVOICE' }],
        reasons: ['deelname beëindigd per 31-08-2025: 243 van 365 dagen (regel 1)'],
      },
    ]);
  });

  it('a credit note that corrected it leaves no difference; nothing due any more is the whole amount', () => {
    const credit: BilledLine = {
      ...invoiceLine,
      documentId: 'c1',
      number: 'SEN-CN-2026-000001',
      type: 'CREDIT_NOTE',
      amountCents: cents(215965),
    };
    expect(billingDifferences([invoiceLine, credit], [due(243, 430160)], names, new Set())[0]).toMatchObject({
      billedCents: 430160,
      differenceCents: 0,
      reasons: [],
    });
    expect(billingDifferences([invoiceLine], [], names, new Set())[0]).toMatchObject({
      dueCents: 0,
      differenceCents: -646125,
      reasons: ['geen deelname meer in deze periode: niets verschuldigd (regel 1)'],
    });
  });

  it('names a changed population and a changed tariff', () => {
    const [item] = billingDifferences(
      [invoiceLine],
      [due(365, 775350, { inhabitants: 25845, perInhabitant: '0.3000', amountCents: cents(775350) })],
      names,
      new Set(),
    );
    expect(item.reasons).toEqual(['tarief per inwoner EUR 0,2500 → EUR 0,3000 (regel 1)']);
    const [population] = billingDifferences(
      [invoiceLine],
      [due(365, 650000, { inhabitants: 26000, amountCents: cents(650000) })],
      names,
      new Set(),
    );
    expect(population.reasons).toEqual(['inwonertal 25.845 → 26.000 (CBS, peildatum 01-01-2024; regels 2 en 3)']);
  });

  it('something due and never billed is listed, unless the run holds it for want of an address', () => {
    expect(billingDifferences([], [due(365, 646125)], names, new Set())[0]).toMatchObject({
      billedCents: 0,
      differenceCents: 646125,
      reasons: ['nog niet gefactureerd: 365 van 365 dagen verschuldigd (regel 1)'],
    });
    expect(billingDifferences([], [due(365, 646125)], names, new Set(['GM1680']))).toEqual([]);
  });
});

describe('correctionTotals', () => {
  it('credits what was billed too much and adds what was billed too little, each as a positive amount', () => {
    const [over] = billingDifferences([invoiceLine], [due(243, 430160)], names, new Set());
    const under = { ...over, municipalityCode: 'GM0106', differenceCents: cents(7500) };
    expect(correctionTotals([over, under])).toEqual({ creditCents: 215965, supplementCents: 7500 });
  });
});
