import type { CoverageContract } from '@wmo/contracts';
import type { ObligationEvaluation } from '@wmo/domain';
import type { CostDto } from './dto/compliance.dto';
import type { Judgement } from './judgement.rules';
import { overviewRow, statusCounts } from './overview.rules';
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
