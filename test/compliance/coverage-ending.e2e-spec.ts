import { expectProblem, obligations, overview, references, row, wmo } from '../support/compliance';
import { contractId, endParticipation, WMO } from '../support/demo';
import { outcome } from '../support/http';
import { sql } from '../support/test-database';
import { Client, startSignedIn, TestApp } from '../support/test-app';

/** Coverage that ends: a participation without a successor, or a municipality that merges into a new one. */
describe('when coverage ends', () => {
  let t: TestApp, vng: Client;
  beforeAll(async () => ([t, vng] = await startSignedIn('vng@demo.nl')));
  afterAll(() => t?.close());

  /**
   * Coverage that ends without a successor: at risk within 90 days of the end, a gap after it. The
   * horizon's exact edges (90 and 91 days) are proven in libs/domain's compliance.spec.
   */
  describe('Assen leaves VNG-SEN-2018 on 2025-06-30 without a successor', () => {
    beforeAll(async () => endParticipation(vng, await contractId(t, 'VNG-SEN-2018'), 'GM0106', '2025-06-30'));

    it('on 2025-04-15 it is AT_RISK: covered until 2025-06-30, uncovered from 2025-07-01', async () => {
      const duty = await wmo(vng, 'GM0106', 'date=2025-04-15');
      expect(duty).toMatchObject({
        status: 'AT_RISK',
        coveredUntil: '2025-06-30',
        uncoveredFrom: '2025-07-01',
        gaps: { days: [], weekly: [], dated: [] },
      });
      expect(duty.explanation).toContain('er is geen opvolgend contract');
    });

    it('for 2025 it is NON_COMPLIANT with one gap of 184 days, 2025-07-01 to 2025-12-31, and half a year of cost', async () => {
      const body = await obligations(vng, 'GM0106', `year=2025&duty=${WMO}`);
      expect(body.status).toBe('NON_COMPLIANT');
      const [duty] = body.duties;
      expect(duty.status).toBe('NON_COMPLIANT');
      expect(duty.gaps).toEqual({ days: [{ from: '2025-07-01', to: '2025-12-31', days: 184 }], weekly: [], dated: [] });
      expect(duty.coverage.map((c) => [c.from, c.to, c.contract.reference])).toEqual([
        ['2025-01-01', '2025-06-30', 'VNG-SEN-2018'],
      ]);
      expect(duty.coveredUntil).toBeNull(); // asOf 2025-12-31 is not covered
      expect(duty.explanation).toContain('184 dagen zonder contract');
      // 69,701 x EUR 0.25 x 181/365 = 864,101.44 cents
      expect(duty.cost).toMatchObject({ amountCents: 864101, vatCents: 0, totalCents: 864101 });
      expect(duty.cost.lines).toEqual([
        expect.objectContaining({
          from: '2025-01-01',
          to: '2025-06-30',
          days: 181,
          inhabitants: 69701,
          amountCents: 864101,
        }),
      ]);
    });

    it('the overview counts it NON_COMPLIANT with gapDays 184; the rest of Drenthe stays COMPLIANT', async () => {
      const drenthe = await overview(vng, 'year=2025&province=PV22');
      expect(drenthe.counts).toEqual({ COMPLIANT: 11, AT_RISK: 0, NON_COMPLIANT: 1, total: 12 });
      expect(row(drenthe, 'GM0106')).toMatchObject({
        status: 'NON_COMPLIANT',
        gapDays: 184,
        weeklyGapMinutes: 0,
        datedGaps: 0,
        contracts: ['VNG-SEN-2018'],
        costCents: 864101,
      });
      const failing = await overview(vng, 'year=2025&province=PV22&status=NON_COMPLIANT');
      expect(failing.items.map((r) => r.code)).toEqual(['GM0106']);
      const nationally = await overview(vng, 'year=2025');
      expect(row(nationally, 'GM0106')).toMatchObject({ status: 'NON_COMPLIANT', gapDays: 184 });
    });

    it('2024 is not affected', async () => {
      expect(await wmo(vng, 'GM0106', 'year=2024')).toMatchObject({
        status: 'COMPLIANT',
        coveredUntil: '2025-06-30',
        uncoveredFrom: null,
      });
    });
  });

  /** Municipalities that merge on 1 January: judged only for the days they exist, covered by the roll-over. */
  describe('mergers on 1 January: Het Hogeland and its predecessor Bedum', () => {
    it('Het Hogeland (GM1966, formed 2019-01-01) is COMPLIANT for 2019, covered by VNG-SEN-2018 from 2019-01-01', async () => {
      const body = await obligations(vng, 'GM1966', `year=2019&duty=${WMO}`);
      expect(body).toMatchObject({
        municipality: { code: 'GM1966', name: 'Het Hogeland', validFrom: '2019-01-01', validTo: null },
        status: 'COMPLIANT',
      });
      const [duty] = body.duties;
      expect(duty.coverage.map((c) => [c.from, c.to, c.contract.reference])).toEqual([
        ['2019-01-01', '2019-12-31', 'VNG-SEN-2018'],
      ]);
      expect(duty.gaps).toEqual({ days: [], weekly: [], dated: [] });
      expect(row(await overview(vng, 'year=2019'), 'GM1966')).toMatchObject({
        status: 'COMPLIANT',
        contracts: ['VNG-SEN-2018'],
        gapDays: 0,
      });
    });

    it('Het Hogeland for 2018 (before it existed) is 422 municipality-not-existing', async () => {
      const res = await vng.get(`/api/v1/municipalities/GM1966/obligations?year=2018&duty=${WMO}`);
      expectProblem(res, 422, '/problems/municipality-not-existing');
      expect(res.body.detail).toContain('formed on 2019-01-01');
    });

    it('its predecessor Bedum (GM0005) is 422 municipality-not-existing for 2019 and COMPLIANT for 2018', async () => {
      const res = await vng.get(`/api/v1/municipalities/GM0005/obligations?year=2019&duty=${WMO}`);
      expectProblem(res, 422, '/problems/municipality-not-existing');
      expect(res.body.detail).toContain('ended on 2018-12-31');
      const duty2018 = await wmo(vng, 'GM0005', 'year=2018');
      expect(duty2018).toMatchObject({ status: 'COMPLIANT', coveredUntil: '2018-12-31', uncoveredFrom: null });
      expect(references(duty2018)).toEqual(['VNG-SEN-2018']);
    });

    it('a period across its end is cut to the days it existed: Bedum 2018-07-01 to 2019-06-30 judges 2018-07-01 to 2018-12-31', async () => {
      const duty = await wmo(vng, 'GM0005', 'from=2018-07-01&to=2019-06-30');
      expect(duty).toMatchObject({
        period: { from: '2018-07-01', to: '2018-12-31' },
        status: 'COMPLIANT',
        gaps: { days: [] },
      });
    });

    describe('Het Hogeland without and with the roll-over of 2019', () => {
      let vng2018: string;

      beforeAll(async () => {
        vng2018 = await contractId(t, 'VNG-SEN-2018');
        // The demo seeds the roll-over's result; remove it to see the municipality without it.
        const removed = await sql(
          t.databaseUrl,
          `DELETE FROM participation WHERE contract_id = $1 AND municipality_code = 'GM1966' RETURNING origin`,
          [vng2018],
        );
        expect(removed).toEqual([{ origin: 'ROLL_OVER' }]);
      });

      it('without its participation Het Hogeland has no contract in 2019: NON_COMPLIANT, 365 days', async () => {
        const duty = await wmo(vng, 'GM1966', 'year=2019');
        expect(duty).toMatchObject({ status: 'NON_COMPLIANT', coverage: [], coveredUntil: null });
        expect(duty.gaps.days).toEqual([{ from: '2019-01-01', to: '2019-12-31', days: 365 }]);
        expect(row(await overview(vng, 'year=2019'), 'GM1966')).toMatchObject({
          status: 'NON_COMPLIANT',
          gapDays: 365,
          contracts: [],
        });
      });

      it("the roll-over of 2019 continues its four predecessors' participation from 2019-01-01: COMPLIANT again", async () => {
        const res = await vng.post(`/api/v1/contracts/${vng2018}/participants/roll-over?year=2019`);
        expect(outcome(res)).toMatchObject({ status: 201, body: { year: 2019, conflicts: [] } });
        expect(res.body.continued).toEqual([
          { code: 'GM1966', from: '2019-01-01', predecessors: ['GM0005', 'GM0053', 'GM1651', 'GM1663'] },
        ]);
        const duty = await wmo(vng, 'GM1966', 'year=2019');
        expect(duty).toMatchObject({ status: 'COMPLIANT', gaps: { days: [], weekly: [], dated: [] } });
        expect(duty.coverage.map((c) => [c.from, c.to, c.contract.reference])).toEqual([
          ['2019-01-01', '2019-12-31', 'VNG-SEN-2018'],
        ]);
      });
    });
  });
});
