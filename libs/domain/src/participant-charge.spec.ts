import type { TariffPeriod } from './billing';
import { chargeCalculation, participantCharge, tariffDecimal } from './participant-charge';
import type { Period } from './period';
import { TerritorialChange } from './territory-population';

const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };

describe('participantCharge (DOMAIN.md rules 1-4 together)', () => {
  it('a full year: Assen, 69,701 inhabitants x EUR 0.25 = 1742525 cents', () => {
    const charge = participantCharge({
      code: 'GM0106',
      billed: YEAR_2025,
      participations: [{ from: '2018-01-01', to: null }],
      tariffs: [{ from: '2018-01-01', to: null, perInhabitant: '0.2500' }],
      referenceDate: '2024-01-01',
      figures: new Map([['GM0106', 69_701]]),
      changes: [],
    });
    expect(charge).toMatchObject({ figuresMissing: false, territory: { inhabitants: 69_701 } });
    expect(charge!.segments).toEqual([
      {
        from: '2025-01-01',
        to: '2025-12-31',
        days: 365,
        daysInYear: 365,
        perInhabitant: '0.2500',
        amountCents: 1_742_525,
      },
    ]);
  });

  describe('changes on 1 July 2025, as invoiced (CBS figures of 2024-01-01)', () => {
    const charge2025 = (code: string, inhabitants: number, participation: Period, tariffs: TariffPeriod[]) =>
      participantCharge({
        code,
        billed: YEAR_2025,
        participations: [participation],
        tariffs,
        referenceDate: '2024-01-01',
        figures: new Map([[code, inhabitants]]),
        changes: [],
      })!.segments;
    const QUARTER_EURO = [{ from: '2018-01-01', to: null, perInhabitant: '0.2500' }];

    it('Assen leaving on 30 June pays 181/365 (864101 cents), joining on 1 July 184/365 (878424): the halves add up to the full year, 1742525', () => {
      const first = charge2025('GM0106', 69_701, { from: '2018-01-01', to: '2025-06-30' }, QUARTER_EURO);
      const second = charge2025('GM0106', 69_701, { from: '2025-07-01', to: null }, QUARTER_EURO);
      expect([...first, ...second].map((s) => [s.from, s.to, s.days, s.daysInYear, s.amountCents])).toEqual([
        ['2025-01-01', '2025-06-30', 181, 365, 864_101],
        ['2025-07-01', '2025-12-31', 184, 365, 878_424],
      ]);
      expect(first[0].amountCents + second[0].amountCents).toBe(1_742_525);
    });

    it('Almere (226,500) at 0.25 until June and 0.30 from July: two lines, 181 days for 2807979 cents and 184 days for 3425425', () => {
      const segments = charge2025('GM0034', 226_500, { from: '2025-01-01', to: null }, [
        { from: '2025-01-01', to: '2025-06-30', perInhabitant: '0.2500' },
        { from: '2025-07-01', to: null, perInhabitant: '0.3000' },
      ]);
      // 226,500 x 0.25 x 181/365 = 28079.79; 226,500 x 0.30 x 184/365 = 34254.25
      expect(segments.map((s) => [s.days, s.perInhabitant, s.amountCents])).toEqual([
        [181, '0.2500', 2_807_979],
        [184, '0.3000', 3_425_425],
      ]);
    });
  });

  it('two stretches and a tariff change give a segment each, each rounded on its own', () => {
    const charge = participantCharge({
      code: 'GM0034',
      billed: YEAR_2025,
      participations: [
        { from: '2025-01-01', to: '2025-03-31' },
        { from: '2025-07-01', to: null },
      ],
      tariffs: [
        { from: '2025-01-01', to: '2025-06-30', perInhabitant: '0.2500' },
        { from: '2025-07-01', to: null, perInhabitant: '0.3000' },
      ],
      referenceDate: '2024-01-01',
      figures: new Map([['GM0034', 226_500]]),
      changes: [],
    });
    // 226500 x 0.25 x 90/365 = 13962.3287... (1396233); 226500 x 0.30 x 184/365 = 34254.2465... (3425425)
    expect(charge!.segments.map((s) => [s.from, s.to, s.days, s.perInhabitant, s.amountCents])).toEqual([
      ['2025-01-01', '2025-03-31', 90, '0.2500', 1_396_233],
      ['2025-07-01', '2025-12-31', 184, '0.3000', 3_425_425],
    ]);
  });

  it('a municipality formed by a merger is charged for the inhabitants its territory had on the reference date', () => {
    const changes: TerritorialChange[] = [
      { oldCode: 'GM0001', newCode: 'GM9999', effectiveDate: '2025-01-01', relation: 'MERGED_INTO_NEW', share: null },
      { oldCode: 'GM0002', newCode: 'GM9999', effectiveDate: '2025-01-01', relation: 'MERGED_INTO_NEW', share: null },
    ];
    const charge = participantCharge({
      code: 'GM9999',
      billed: YEAR_2025,
      participations: [{ from: '2025-01-01', to: null }],
      tariffs: [{ from: '2018-01-01', to: null, perInhabitant: '0.2500' }],
      referenceDate: '2024-01-01',
      figures: new Map([
        ['GM0001', 10_000],
        ['GM0002', 5_000],
      ]),
      changes,
    });
    expect(charge!.territory.inhabitants).toBe(15_000);
    expect(charge!.segments[0].amountCents).toBe(375_000);
  });

  it('a missing CBS figure gives no amounts, and says so', () => {
    const charge = participantCharge({
      code: 'GM0106',
      billed: YEAR_2025,
      participations: [{ from: '2025-01-01', to: null }],
      tariffs: [{ from: '2018-01-01', to: null, perInhabitant: '0.2500' }],
      referenceDate: '2024-01-01',
      figures: new Map(),
      changes: [],
    });
    expect(charge).toMatchObject({ figuresMissing: true, segments: [] });
  });

  it('no day charged: null', () => {
    expect(
      participantCharge({
        code: 'GM0106',
        billed: YEAR_2025,
        participations: [{ from: '2026-01-01', to: null }],
        tariffs: [{ from: '2018-01-01', to: null, perInhabitant: '0.25' }],
        referenceDate: '2024-01-01',
        figures: new Map(),
        changes: [],
      }),
    ).toBeNull();
  });

  it('writes the calculation the Dutch way, the tariff exactly to four decimals', () => {
    expect(tariffDecimal('0.25')).toBe('0.2500');
    expect(tariffDecimal('0.00005')).toBe('0.0001');
    const segment = { from: '2025-07-01', to: '2025-12-31', days: 184, daysInYear: 365, perInhabitant: '0.25' };
    expect(chargeCalculation(69_701, segment)).toBe('69.701 inwoners x EUR 0,2500 x 184/365 dagen');
    expect(chargeCalculation(69_701, { ...segment, days: 365 }, '(CBS, peildatum 01-01-2024)')).toBe(
      '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500',
    );
  });
});
