import type { CoverageContract } from '@wmo/contracts';
import type { ObligationEvaluation } from '@wmo/domain';
import type { CostDto } from './dto/compliance.dto';
import type { Judgement } from './judgement.rules';
import {
  matches,
  missingFigures,
  overviewRow,
  provinceTotals,
  sortRows,
  statusCounts,
  totalsOf,
} from './overview.rules';
import type { OverviewRowDto } from './dto/overview.dto';
import { evaluation, municipality } from './testing/fixtures';

const contract = (id: string, supplierName: string, fundingModel: CoverageContract['fundingModel']) =>
  ({ id, reference: `REF-${id}`, supplierName, fundingModel }) as CoverageContract;
const A = contract('a', 'Stichting Sensoor', 'FUND_WITHHOLDING');
const B = contract('b', 'Sensoor Noord', 'DIRECT_INVOICE');

const judgement = (changed: Partial<ObligationEvaluation>): Judgement =>
  ({
    municipality: municipality('GM0106', 'Assen'),
    period: { from: '2025-01-01', to: '2025-12-31' },
    evaluation: evaluation(changed),
    ranges: [],
    covering: [
      { range: { contractId: 'a', from: '2018-01-01', to: '2025-03-31' }, contract: A },
      { range: { contractId: 'b', from: '2025-04-01', to: '2025-09-30' }, contract: B },
      { range: { contractId: 'a', from: '2025-10-01', to: null }, contract: A },
    ],
    explanation: '',
  }) as unknown as Judgement;

const cost = (totalCents: number | null, inhabitants: number[]): CostDto => ({
  year: 2025,
  status: totalCents === null ? 'FIGURES_MISSING' : inhabitants.length ? 'CALCULATED' : 'NO_COST',
  missingFigures: totalCents === null ? [{ kind: 'POPULATION', referenceDate: '2024-01-01' }] : [],
  amountCents: totalCents,
  vatCents: totalCents === null ? null : 0,
  totalCents,
  currency: 'EUR',
  lines: inhabitants.map((n) => ({
    contractReference: 'REF-a',
    from: '2025-01-01',
    to: '2025-12-31',
    inhabitants: n,
    referenceDate: '2024-01-01',
    perInhabitant: '0.2500',
    days: 365,
    amountCents: 0,
    vatCents: 0,
    calculation: '',
  })),
  note: null,
});
const weekly = (validFrom: string, minutes: number) => ({
  weekday: 1 as const,
  from: '22:00',
  to: '09:00',
  minutes,
  validFrom,
  validTo: '2025-12-31',
});

describe('a row of the national overview', () => {
  it('names each contract, provider and funding model once, in the order of coverage', () => {
    const row = overviewRow(judgement({}), cost(2_018_226, [69_701]));
    expect([row.contracts, row.providers, row.fundingModels]).toEqual([
      ['REF-a', 'REF-b'],
      ['Stichting Sensoor', 'Sensoor Noord'],
      ['FUND_WITHHOLDING', 'DIRECT_INVOICE'],
    ]);
    expect([row.inhabitants, row.costCents]).toEqual([69_701, 2_018_226]);
  });

  it('adds up the days without a contract, and takes the longest weekly pattern', () => {
    const row = overviewRow(
      judgement({
        dayGaps: [
          { from: '2025-01-01', to: '2025-01-31', days: 31 },
          { from: '2025-11-01', to: '2025-11-30', days: 30 },
        ],
        // From February 660 + 600 minutes a week, from July 480.
        weeklyGaps: [weekly('2025-02-01', 660), weekly('2025-02-01', 600), weekly('2025-07-01', 480)],
        datedGaps: [{ start: '', end: '', minutes: 60, reasons: [] }],
      }),
      cost(null, []),
    );
    expect([row.gapDays, row.weeklyGapMinutes, row.datedGaps]).toEqual([61, 1260, 1]);
    expect([row.inhabitants, row.costCents]).toEqual([null, null]);
  });

  it('no weekly gaps: zero minutes', () => {
    expect(overviewRow(judgement({ status: 'COMPLIANT' }), cost(0, [])).weeklyGapMinutes).toBe(0);
  });
});

describe('the counts of the overview', () => {
  it('counts every status and the total', () => {
    expect(
      statusCounts([
        { status: 'COMPLIANT' },
        { status: 'NON_COMPLIANT' },
        { status: 'COMPLIANT' },
        { status: 'AT_RISK' },
      ]),
    ).toEqual({ COMPLIANT: 2, AT_RISK: 1, NON_COMPLIANT: 1, total: 4 });
    expect(statusCounts([])).toEqual({ COMPLIANT: 0, AT_RISK: 0, NON_COMPLIANT: 0, total: 0 });
  });
});

const line = (code: string, name: string, inhabitants: number | null, costCents: number | null): OverviewRowDto => ({
  code,
  name,
  provinceCode: code === 'GM0106' ? 'PV22' : 'PV21',
  provinceName: code === 'GM0106' ? 'Drenthe' : 'Fryslân',
  status: 'COMPLIANT',
  contracts: ['VNG-SEN-2018'],
  providers: ['Stichting Sensoor'],
  fundingModels: ['DIRECT_INVOICE'],
  inhabitants,
  costCents,
  coveredUntil: null,
  gapDays: 0,
  weeklyGapMinutes: 0,
  datedGaps: 0,
});
const ASSEN = line('GM0106', 'Assen', 69_701, 1_742_525);
const SUDWEST = line('GM1900', 'Súdwest-Fryslân', 90_655, 2_266_375);
const NOARDEAST = line('GM1970', 'Noardeast-Fryslân', null, null);

describe('the overview as a list', () => {
  it('searches name or code without minding case or accents', () => {
    expect([ASSEN, SUDWEST, NOARDEAST].filter((r) => matches(r, { q: 'fryslan' })).map((r) => r.code)).toEqual([
      'GM1900',
      'GM1970',
    ]);
    expect([ASSEN, SUDWEST].filter((r) => matches(r, { q: 'FRYSLÂN' })).map((r) => r.code)).toEqual(['GM1900']);
    expect([ASSEN, SUDWEST].filter((r) => matches(r, { q: 'gm0106' })).map((r) => r.code)).toEqual(['GM0106']);
  });

  it('sorts by a figure either way with the unknown ones last', () => {
    expect(sortRows([ASSEN, NOARDEAST, SUDWEST], '-inhabitants').map((r) => r.code)).toEqual([
      'GM1900',
      'GM0106',
      'GM1970',
    ]);
    expect(sortRows([SUDWEST, NOARDEAST, ASSEN], 'inhabitants').map((r) => r.code)).toEqual([
      'GM0106',
      'GM1900',
      'GM1970',
    ]);
    expect(sortRows([SUDWEST, NOARDEAST, ASSEN], 'name').map((r) => r.name)).toEqual([
      'Assen',
      'Noardeast-Fryslân',
      'Súdwest-Fryslân',
    ]);
  });

  it('a sum with an unknown figure in it is null, and says how many are unknown', () => {
    expect(totalsOf([ASSEN, SUDWEST])).toMatchObject({
      municipalities: 2,
      inhabitants: 160_356,
      costCents: 4_008_900,
      unknownInhabitants: 0,
      complete: true,
    });
    expect(totalsOf([ASSEN, NOARDEAST])).toMatchObject({
      inhabitants: null,
      costCents: null,
      unknownInhabitants: 1,
      unknownCost: 1,
      complete: false,
    });
    expect(provinceTotals([SUDWEST, ASSEN, NOARDEAST]).map((p) => [p.name, p.municipalities, p.costCents])).toEqual([
      ['Drenthe', 1, 1_742_525],
      ['Fryslân', 2, null],
    ]);
  });

  it('names each missing CBS reference date once, with the municipalities waiting for it', () => {
    const waiting = [{ kind: 'POPULATION' as const, referenceDate: '2025-01-01' }];
    expect(
      missingFigures([
        { row: ASSEN, missingFigures: waiting },
        { row: SUDWEST, missingFigures: [] },
        { row: NOARDEAST, missingFigures: waiting },
      ]),
    ).toEqual([{ kind: 'POPULATION', referenceDate: '2025-01-01', municipalities: 2 }]);
  });
});
