import { TerritorialChange } from '@wmo/domain';
import { CostContract, figureDates, figuresByDate, yearlyCost } from './cost.rules';

const contract = (id: string, overrides: Partial<CostContract> = {}): CostContract => ({
  id,
  reference: `REF-${id}`,
  vatRate: '0.00',
  referenceDateRule: 'JANUARY_FIRST_PREVIOUS_YEAR',
  tariffs: [{ from: '2018-01-01', to: null, perInhabitant: '0.25' }],
  ...overrides,
});

// Assen on 1 January 2024.
const ASSEN_2024 = new Map([['2024-01-01', new Map([['GM0106', 69_701]])]]);

describe('the yearly cost (as the invoice run computes it)', () => {
  it('charges a whole year: inhabitants x tariff, no VAT', () => {
    const cost = yearlyCost({
      code: 'GM0106',
      ranges: [{ contractId: 'a', from: '2018-01-01', to: null }],
      contracts: new Map([['a', contract('a')]]),
      year: 2025,
      figures: ASSEN_2024,
      changes: [],
    });
    // 69,701 x EUR 0.25 = EUR 17,425.25
    expect(cost).toEqual({
      year: 2025,
      status: 'CALCULATED',
      missingFigures: [],
      amountCents: 1_742_525,
      vatCents: 0,
      totalCents: 1_742_525,
      currency: 'EUR',
      lines: [
        {
          contractReference: 'REF-a',
          from: '2025-01-01',
          to: '2025-12-31',
          inhabitants: 69_701,
          referenceDate: '2024-01-01',
          perInhabitant: '0.2500',
          days: 365,
          amountCents: 1_742_525,
          vatCents: 0,
          calculation: '69.701 inwoners x EUR 0,2500',
        },
      ],
      note: null,
    });
  });

  it('splits the year where the tariff changes, rounds each line, and puts the VAT on the last line', () => {
    const cost = yearlyCost({
      code: 'GM0106',
      ranges: [{ contractId: 'a', from: '2018-01-01', to: null }],
      contracts: new Map([
        [
          'a',
          contract('a', {
            vatRate: '21.00',
            tariffs: [
              { from: '2018-01-01', to: '2025-06-30', perInhabitant: '0.25' },
              { from: '2025-07-01', to: null, perInhabitant: '0.30' },
            ],
          }),
        ],
      ]),
      year: 2025,
      figures: ASSEN_2024,
      changes: [],
    });
    // 69,701 x 0.25 x 181/365 = 8,641.0144 -> 864,101; 69,701 x 0.30 x 184/365 = 10,541.0827 -> 1,054,108
    expect(cost.lines.map((l) => [l.days, l.amountCents, l.vatCents, l.calculation])).toEqual([
      [181, 864_101, 0, '69.701 inwoners x EUR 0,2500 x 181/365 dagen'],
      [184, 1_054_108, 402_824, '69.701 inwoners x EUR 0,3000 x 184/365 dagen'],
    ]);
    // VAT 21% of 1,918,209 = 402,823.89 -> 402,824, once per contract
    expect([cost.amountCents, cost.vatCents, cost.totalCents]).toEqual([1_918_209, 402_824, 2_321_033]);
  });

  it('charges each contract for its own days, with VAT per contract', () => {
    const cost = yearlyCost({
      code: 'GM0106',
      ranges: [
        { contractId: 'a', from: '2018-01-01', to: '2025-03-31' },
        { contractId: 'b', from: '2025-04-01', to: null },
      ],
      contracts: new Map([
        ['a', contract('a')],
        ['b', contract('b', { vatRate: '21.00' })],
      ]),
      year: 2025,
      figures: ASSEN_2024,
      changes: [],
    });
    // 17,425.25 x 90/365 = 4,296.6370 -> 429,664; 17,425.25 x 275/365 = 13,128.6130 -> 1,312,861
    expect(cost.lines.map((l) => [l.contractReference, l.days, l.amountCents, l.vatCents])).toEqual([
      ['REF-a', 90, 429_664, 0],
      ['REF-b', 275, 1_312_861, 275_701],
    ]);
    expect([cost.amountCents, cost.vatCents, cost.totalCents]).toEqual([1_742_525, 275_701, 2_018_226]);
  });

  it("counts a new municipality's predecessors on the reference date (Het Hogeland 2019)", () => {
    const change = (oldCode: string, relation: TerritorialChange['relation'], share: string) => ({
      effectiveDate: '2019-01-01',
      oldCode,
      newCode: 'GM1966',
      relation,
      share,
    });
    const cost = yearlyCost({
      code: 'GM1966',
      ranges: [{ contractId: 'a', from: '2019-01-01', to: null }],
      contracts: new Map([['a', contract('a')]]),
      year: 2019,
      figures: new Map([
        [
          '2018-01-01',
          new Map([
            ['GM0005', 10_475],
            ['GM1663', 10_058],
            ['GM1651', 15_553],
            ['GM0053', 13_560],
          ]),
        ],
      ]),
      changes: [
        change('GM0005', 'MERGED_INTO_NEW', '1.0'),
        change('GM0053', 'SPLIT_PART', '0.877'),
        change('GM1651', 'MERGED_INTO_NEW', '1.0'),
        change('GM1663', 'MERGED_INTO_NEW', '1.0'),
      ],
    });
    // 47,978 x EUR 0.25 = EUR 11,994.50
    expect(cost.lines).toHaveLength(1);
    expect(cost.lines[0]).toMatchObject({ inhabitants: 47_978, referenceDate: '2018-01-01', amountCents: 1_199_450 });
    expect(cost.totalCents).toBe(1_199_450);
  });

  it('gives no amounts, and says why, while the CBS figures are missing', () => {
    const cost = yearlyCost({
      code: 'GM0106',
      ranges: [{ contractId: 'a', from: '2018-01-01', to: null }],
      contracts: new Map([['a', contract('a')]]),
      year: 2026,
      figures: ASSEN_2024,
      changes: [],
    });
    expect(cost).toEqual({
      year: 2026,
      status: 'FIGURES_MISSING',
      missingFigures: [{ kind: 'POPULATION', referenceDate: '2025-01-01' }],
      amountCents: null,
      vatCents: null,
      totalCents: null,
      currency: 'EUR',
      lines: [],
      note: 'De CBS-bevolkingscijfers per 01-01-2025 ontbreken nog; de kosten volgen zodra ze zijn ingelezen.',
    });
  });

  it('costs nothing without coverage in the year', () => {
    const cost = yearlyCost({
      code: 'GM0106',
      ranges: [{ contractId: 'a', from: '2018-01-01', to: '2024-12-31' }],
      contracts: new Map([['a', contract('a')]]),
      year: 2025,
      figures: ASSEN_2024,
      changes: [],
    });
    expect([cost.status, cost.amountCents, cost.vatCents, cost.totalCents, cost.lines, cost.note]).toEqual([
      'NO_COST',
      0,
      0,
      0,
      [],
      null,
    ]);
    expect(cost.missingFigures).toEqual([]);
  });
});

describe('the figures the cost needs', () => {
  it("reads each contract's reference date once per year", () => {
    expect(
      figureDates(
        [contract('a'), contract('b'), contract('c', { referenceDateRule: 'JANUARY_FIRST_SAME_YEAR' })],
        [2025],
      ),
    ).toEqual(['2024-01-01', '2025-01-01']);
  });

  it('groups the figures by reference date and code', () => {
    const figures = figuresByDate([
      { referenceDate: '2024-01-01', code: 'GM0106', inhabitants: 69_701 },
      { referenceDate: '2024-01-01', code: 'GM0014', inhabitants: 243_768 },
      { referenceDate: '2025-01-01', code: 'GM0106', inhabitants: 70_012 },
    ]);
    expect(figures.get('2024-01-01')?.get('GM0014')).toBe(243_768);
    expect(figures.get('2025-01-01')?.get('GM0106')).toBe(70_012);
  });
});
