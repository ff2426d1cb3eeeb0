import { expectGetRefused, obligations, Overview, overview, references, row, wmo } from '../support/compliance';
import { G4, KT, WMO } from '../support/demo';
import { Client, startSignedIn, TestApp } from '../support/test-app';

/** The national overview of the unchanged demo data, and who sees which municipalities in it and one by one. */
describe('the national overview, and who sees what', () => {
  let t: TestApp, vng: Client, operator: Client, sensoor: Client, officerAssen: Client, financeAmsterdam: Client;
  let overview2025: Overview;

  beforeAll(async () => {
    [t, vng, operator, sensoor, officerAssen, financeAmsterdam] = await startSignedIn(
      'vng@demo.nl',
      'operator@demo.nl',
      'sensoor@demo.nl',
      'officer.gm0106@demo.nl',
      'finance.gm0363@demo.nl',
    );
    overview2025 = await overview(vng, 'year=2025&sort=code');
  });
  afterAll(() => t?.close());

  /** The national overview on the unchanged demo data: every municipality covered, one row each. */
  describe('the national overview for 2025', () => {
    it('counts all 342 municipalities COMPLIANT for the Wmo duty, as of 2025-12-31', () => {
      expect(overview2025).toMatchObject({
        year: 2025,
        duty: { code: WMO, continuousAvailability: true, countingChannels: ['PHONE', 'CHAT'] },
        asOf: '2025-12-31',
      });
      expect(Object.keys(overview2025).sort()).toEqual([
        'asOf',
        'counts',
        'duty',
        'items',
        'limit',
        'missingFigures',
        'page',
        'provinces',
        'total',
        'totals',
        'year',
      ]);
      expect([overview2025.total, overview2025.page, overview2025.limit]).toEqual([342, 1, 500]);
      expect(overview2025.counts).toEqual({ COMPLIANT: 342, AT_RISK: 0, NON_COMPLIANT: 0, total: 342 });
      expect(overview2025.items).toHaveLength(342);
      expect(
        overview2025.items.every(
          (r) => r.status === 'COMPLIANT' && r.gapDays === 0 && r.weeklyGapMinutes === 0 && r.datedGaps === 0,
        ),
      ).toBe(true);
      expect(overview2025.items.map((r) => r.code)).toEqual([...overview2025.items.map((r) => r.code)].sort());
    });

    it("Assen's row: VNG-SEN-2018 with Stichting Sensoor, 69,701 inhabitants x 25 cents = 1,742,525 cents, open-ended", () => {
      expect(row(overview2025, 'GM0106')).toEqual({
        code: 'GM0106',
        name: 'Assen',
        provinceCode: 'PV22',
        provinceName: 'Drenthe',
        status: 'COMPLIANT',
        contracts: ['VNG-SEN-2018'],
        providers: ['Stichting Sensoor'],
        fundingModels: ['DIRECT_INVOICE'],
        inhabitants: 69701,
        costCents: 1742525,
        coveredUntil: null,
        gapDays: 0,
        weeklyGapMinutes: 0,
        datedGaps: 0,
      });
    });

    it('the G4 rows show their own contracts and providers', () => {
      expect(
        G4.map((code) => row(overview2025, code)).map((r) => [r.code, r.status, r.contracts, r.providers]),
      ).toEqual([
        ['GM0344', 'COMPLIANT', ['GM0344-LUISTEREND-OOR'], ['Sensoor Utrecht']],
        ['GM0363', 'COMPLIANT', ['GM0363-LUISTEREND-OOR'], ['Sensoor Amsterdam']],
        ['GM0518', 'COMPLIANT', ['GM0518-LUISTEREND-OOR'], ['Sensoor-franchisepartner Den Haag (illustratief)']],
        ['GM0599', 'COMPLIANT', ['GM0599-LUISTEREND-OOR'], ['Sensoor-franchisepartner Rotterdam (illustratief)']],
      ]);
      const others = overview2025.items.filter((r) => !G4.includes(r.code));
      expect(others).toHaveLength(338);
      expect(
        others.every((r) => r.contracts.join() === 'VNG-SEN-2018' && r.providers.join() === 'Stichting Sensoor'),
      ).toBe(true);
    });

    it('agrees row by row with the per-municipality endpoint (status, contract references, cost) for all 342', async () => {
      const mismatches: unknown[] = [];
      for (let i = 0; i < overview2025.items.length; i += 20) {
        const chunk = overview2025.items.slice(i, i + 20);
        const answers = await Promise.all(chunk.map((r) => wmo(vng, r.code, 'year=2025')));
        chunk.forEach((r, j) => {
          const duty = answers[j];
          const single = {
            status: duty.status,
            contracts: references(duty),
            costCents: duty.cost.totalCents,
            coveredUntil: duty.coveredUntil,
            gapDays: duty.gaps.days.reduce((sum, gap) => sum + gap.days, 0),
          };
          const fromRow = {
            status: r.status,
            contracts: r.contracts,
            costCents: r.costCents,
            coveredUntil: r.coveredUntil,
            gapDays: r.gapDays,
          };
          if (JSON.stringify(single) !== JSON.stringify(fromRow)) mismatches.push({ code: r.code, single, fromRow });
        });
      }
      expect(mismatches).toEqual([]);
    });

    it('filters by province and status; counts stay those before the status filter', async () => {
      const drenthe = await overview(vng, 'year=2025&province=PV22');
      expect(drenthe.counts).toEqual({ COMPLIANT: 12, AT_RISK: 0, NON_COMPLIANT: 0, total: 12 });
      expect(drenthe.items.every((r) => r.provinceCode === 'PV22')).toBe(true);
      const none = await overview(vng, 'year=2025&status=NON_COMPLIANT');
      expect(none.counts.total).toBe(342);
      expect(none.items).toEqual([]);
    });

    it('the Kindertelefoon duty (not continuous, daytime hours) is met by all 342 as well', async () => {
      const kt = await overview(operator, `year=2025&duty=${KT}`);
      expect(kt).toMatchObject({
        duty: { code: KT, continuousAvailability: false },
        counts: { COMPLIANT: 342, total: 342 },
      });
      expect(row(kt, 'GM0106')).toMatchObject({
        contracts: ['VNG-KT-2015'],
        providers: ['De Kindertelefoon'],
        fundingModels: ['FUND_WITHHOLDING'],
      });
    });

    it('export.csv: the Dutch CSV for Excel with a header line and 342 rows; format=csv is gone', async () => {
      const res = await vng.get('/api/v1/compliance/overview/export.csv?year=2025');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="naleving-2025.csv"');
      const lines = res.text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter((line) => line !== '');
      expect(lines).toHaveLength(343);
      expect(lines[0]).toBe(
        'Gemeente;Code;Provincie;Status;Contract;Aanbieder;Financiering;Inwoners;Kosten (incl. btw);Gedekt tot en met;Dagen zonder dekking;Minuten per week zonder kanaal;Onderbrekingen door sluitingen',
      );
      expect(lines).toContain(
        'Assen;GM0106;Drenthe;Voldaan;VNG-SEN-2018;Stichting Sensoor;Factuur aan elke gemeente;69701;17425,25;;0;0;0',
      );
      const old = await vng.get('/api/v1/compliance/overview?year=2025&format=csv');
      expect(old.status).toBe(400);
      expect(old.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
    });

    it(`export.csv of another duty names the duty in the file name`, async () => {
      const res = await operator.get(`/api/v1/compliance/overview/export.csv?year=2025&duty=${KT}`).expect(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="naleving-2025-${KT}.csv"`);
    });
  });

  /** Who sees which municipality's obligations, and who the national overview (and of which municipalities). */
  describe('who may see what of compliance', () => {
    it("Assen's officer sees Assen (200), gets 404 for Groningen (GM0014) and 403 for the overview", async () => {
      await obligations(officerAssen, 'GM0106', 'year=2025');
      await expectGetRefused(
        officerAssen,
        '/api/v1/municipalities/GM0014/obligations?year=2025',
        404,
        '/problems/municipality-not-found',
      );
      await expectGetRefused(
        officerAssen,
        '/api/v1/compliance/overview?year=2025',
        403,
        '/problems/overview-not-allowed',
      );
    });

    it("Amsterdam's finance user sees Amsterdam's own contract", async () => {
      const duty = await wmo(financeAmsterdam, 'GM0363', 'year=2025');
      expect(duty.coverage.map((c) => [c.contract.reference, c.contract.kind, c.contract.providerName])).toEqual([
        ['GM0363-LUISTEREND-OOR', 'INDIVIDUAL', 'Sensoor Amsterdam'],
      ]);
      await expectGetRefused(financeAmsterdam, '/api/v1/compliance/overview', 403, '/problems/overview-not-allowed');
    });

    it('Stichting Sensoor sees Assen (200) but not Amsterdam, served by another provider (404)', async () => {
      await obligations(sensoor, 'GM0106', 'year=2025');
      await expectGetRefused(
        sensoor,
        '/api/v1/municipalities/GM0363/obligations?year=2025',
        404,
        '/problems/municipality-not-found',
      );
    });

    it("Stichting Sensoor's overview has the 338 municipalities it serves, none of the G4", async () => {
      const own = await overview(sensoor, 'year=2025');
      expect(own.counts).toEqual({ COMPLIANT: 338, AT_RISK: 0, NON_COMPLIANT: 0, total: 338 });
      expect(own.items).toHaveLength(338);
      expect(own.items.filter((r) => G4.includes(r.code))).toEqual([]);
      expect(row(own, 'GM0106').costCents).toBe(1742525);
    });

    it("the VNG and the operator see Amsterdam's obligations (200)", async () => {
      for (const client of [vng, operator]) {
        const duty = await wmo(client, 'GM0363', 'year=2025');
        expect([duty.status, references(duty), duty.coverage[0].contract.providerName]).toEqual([
          'COMPLIANT',
          ['GM0363-LUISTEREND-OOR'],
          'Sensoor Amsterdam',
        ]);
      }
      expect((await overview(operator, 'year=2025')).counts.total).toBe(342);
    });
  });
});
