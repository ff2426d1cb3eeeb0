import type { CoverageContract, CoverageRange } from '@wmo/contracts';
import { ALWAYS, daily, ScheduleCache } from '@wmo/domain';
import { ComplianceError } from './compliance.errors';
import { assertExisted, CoverageSnapshot, judge, judgeAll, judgeMunicipality, pickDuties } from './judgement.rules';
import { municipality, WMO } from './testing/fixtures';

const ASSEN = municipality('GM0106', 'Assen');
const contract = (id: string, schedule = ALWAYS): CoverageContract => ({
  id,
  reference: `REF-${id}`,
  title: `Contract ${id}`,
  kind: 'COLLECTIVE',
  status: 'ACTIVE',
  dutyCode: WMO.code,
  fundingModel: 'FUND_WITHHOLDING',
  vatRate: '0.00',
  referenceDateRule: 'JANUARY_FIRST_PREVIOUS_YEAR',
  startDate: '2018-01-01',
  endDate: null,
  supplierId: 'sensoor',
  supplierName: 'Stichting Sensoor',
  contractingOrganisationId: 'vng',
  contractingName: 'VNG',
  tariffs: [{ from: '2018-01-01', to: null, perInhabitant: '0.25' }],
  services: [
    {
      id: `service-${id}`,
      name: 'Luisterend oor',
      channels: [
        { id: `phone-${id}`, kind: 'PHONE', counts: true, contact: null, schedule, closures: [], closureList: [] },
      ],
    },
  ],
});
const snapshot = (
  ranges: Record<string, CoverageRange[]>,
  contracts: CoverageContract[],
  municipalities = [ASSEN],
): CoverageSnapshot => ({
  duties: [WMO],
  municipalities: new Map(municipalities.map((m) => [m.code, m])),
  contracts: new Map(contracts.map((c) => [c.id, c])),
  coverage: new Map(Object.entries(ranges).map(([code, list]) => [`${WMO.code}:${code}`, list])),
});
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };

describe('judging one municipality', () => {
  it('covered all year by a channel open day and night: COMPLIANT, with the covering contract', () => {
    const data = snapshot({ GM0106: [{ contractId: 'a', from: '2018-01-01', to: null }] }, [contract('a')]);
    const judgement = judge(ASSEN, WMO, data, YEAR_2025, '2025-06-15', new ScheduleCache())!;
    expect(judgement.evaluation.status).toBe('COMPLIANT');
    expect(judgement.covering.map((c) => c.contract.reference)).toEqual(['REF-a']);
    expect(judgement.explanation).toBe(
      'Assen voldoet van 1 januari 2025 t/m 31 december 2025 aan de plicht (art. 2.2.4 lid 1 onder b Wmo 2015): gedekt door REF-a (Stichting Sensoor); op elk moment van de week is telefoon of chat bereikbaar.',
    );
  });

  it('leaves coverage outside the period out of the covering contracts, but keeps it for the cost', () => {
    const ranges = [
      { contractId: 'a', from: '2018-01-01', to: '2024-12-31' },
      { contractId: 'b', from: '2025-01-01', to: null },
    ];
    const judgement = judge(
      ASSEN,
      WMO,
      snapshot({ GM0106: ranges }, [contract('a'), contract('b')]),
      YEAR_2025,
      '2025-06-15',
      new ScheduleCache(),
    )!;
    expect(judgement.covering.map((c) => c.contract.id)).toEqual(['b']);
    expect(judgement.ranges).toEqual(ranges);
  });

  it('daytime hours only: NON_COMPLIANT with weekly gaps', () => {
    const data = snapshot({ GM0106: [{ contractId: 'a', from: '2018-01-01', to: null }] }, [
      contract('a', daily('09:00', '22:00')),
    ]);
    const judgement = judge(ASSEN, WMO, data, YEAR_2025, '2025-06-15', new ScheduleCache())!;
    expect(judgement.evaluation.status).toBe('NON_COMPLIANT');
    expect(judgement.evaluation.weeklyGaps[0]).toMatchObject({ weekday: 1, from: '22:00', to: '09:00', minutes: 660 });
  });

  it('judges a municipality that ended only up to its last day', () => {
    const ended = municipality('GM0007', 'Bellingwedde', { validTo: '2017-12-31' });
    const judgement = judge(
      ended,
      WMO,
      snapshot({}, []),
      { from: '2017-01-01', to: '2018-12-31' },
      '2017-06-01',
      new ScheduleCache(),
    )!;
    expect(judgement.period).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    expect(judgement.evaluation.dayGaps).toEqual([{ from: '2017-01-01', to: '2017-12-31', days: 365 }]);
  });

  describe('Bedum, which ended on 2018-12-31 (merged into Het Hogeland), covered until then', () => {
    const bedum = municipality('GM0005', 'Bedum', { validTo: '2018-12-31' });
    const data = snapshot(
      { GM0005: [{ contractId: 'a', from: '2018-01-01', to: '2018-12-31' }] },
      [contract('a')],
      [bedum],
    );
    const judgeBedum = (asked: { from: string; to: string }, asOf: string) =>
      judge(bedum, WMO, data, asked, asOf, new ScheduleCache())!;

    it('asked for 2018-07-01 to 2019-06-30, it is judged 2018-07-01 to 2018-12-31: COMPLIANT, no day gap', () => {
      const judgement = judgeBedum({ from: '2018-07-01', to: '2019-06-30' }, '2019-06-30');
      expect(judgement.period).toEqual({ from: '2018-07-01', to: '2018-12-31' });
      expect(judgement.evaluation).toMatchObject({ status: 'COMPLIANT', dayGaps: [] });
    });

    it('coverage that ends with the municipality itself is no risk: on 2018-12-01 it is COMPLIANT, not AT_RISK', () => {
      expect(judgeBedum({ from: '2018-12-01', to: '2018-12-01' }, '2018-12-01').evaluation).toMatchObject({
        status: 'COMPLIANT',
        coveredUntil: '2018-12-31',
        uncoveredFrom: null,
      });
    });
  });

  it('judges nothing before the duty was in force', () => {
    const later = { ...WMO, inForceFrom: '2026-01-01' };
    expect(judge(ASSEN, later, snapshot({}, []), YEAR_2025, '2025-06-15', new ScheduleCache())).toBeNull();
  });

  it('a 422 naming the dates when no duty was in force in the period', () => {
    const later = { ...WMO, inForceFrom: '2026-01-01' };
    expect(() => judgeMunicipality(ASSEN, [later], snapshot({}, []), YEAR_2025, '2025-06-15')).toThrow(
      'Anoniem luisterend oor en advies was not in force from 2025-01-01 to 2025-12-31 (in force from 2026-01-01).',
    );
  });
});

describe('whether the municipality existed', () => {
  it('a municipality that ended before the period points to its successor', () => {
    const ended = municipality('GM0007', 'Bellingwedde', { validTo: '2017-12-31' });
    expect(() => assertExisted(ended, YEAR_2025)).toThrow(
      "Bellingwedde (GM0007) did not exist from 2025-01-01 to 2025-12-31: it ended on 2017-12-31; ask for its successor's obligations.",
    );
  });

  it('a municipality formed after the period says when it was formed', () => {
    const formed = municipality('GM1966', 'Het Hogeland', { validFrom: '2019-01-01' });
    let error: unknown;
    try {
      assertExisted(formed, { from: '2018-01-01', to: '2018-12-31' });
    } catch (e) {
      error = e;
    }
    expect((error as ComplianceError).message).toBe(
      'Het Hogeland (GM1966) did not exist from 2018-01-01 to 2018-12-31: it was formed on 2019-01-01.',
    );
    expect((error as ComplianceError).httpStatus()).toBe(422);
  });

  it('one day in the period is enough', () => {
    expect(() =>
      assertExisted(municipality('GM1966', 'Het Hogeland', { validFrom: '2018-12-31' }), {
        from: '2018-01-01',
        to: '2018-12-31',
      }),
    ).not.toThrow();
  });
});

describe('the duties asked for', () => {
  it('all duties without a code, the one with a code', () => {
    expect(pickDuties([WMO], undefined)).toEqual([WMO]);
    expect(pickDuties([WMO], WMO.code)).toEqual([WMO]);
  });

  it('a 404 for a duty that does not exist', () => {
    expect(() => pickDuties([WMO], 'NO_SUCH_DUTY')).toThrow(
      'There is no duty NO_SUCH_DUTY; GET /api/v1/duties lists them.',
    );
  });
});

describe('judging every municipality', () => {
  const groningen = municipality('GM0014', 'Groningen', { provinceCode: 'PV20', provinceName: 'Groningen' });
  const ended = municipality('GM0007', 'Bellingwedde', { validTo: '2017-12-31', provinceCode: 'PV20' });
  const data = snapshot(
    { GM0106: [{ contractId: 'a', from: '2018-01-01', to: null }] },
    [contract('a')],
    [ASSEN, ended, groningen],
  );

  it('those existing in the period, in code order', () => {
    const judgements = judgeAll(data, { duties: [WMO], period: YEAR_2025, asOf: '2025-06-15' });
    expect(judgements.map((j) => [j.municipality.code, j.evaluation.status])).toEqual([
      ['GM0014', 'NON_COMPLIANT'],
      ['GM0106', 'COMPLIANT'],
    ]);
  });

  it('of one province', () => {
    const judgements = judgeAll(data, { duties: [WMO], period: YEAR_2025, asOf: '2025-06-15', province: 'PV22' });
    expect(judgements.map((j) => j.municipality.code)).toEqual(['GM0106']);
  });
});
