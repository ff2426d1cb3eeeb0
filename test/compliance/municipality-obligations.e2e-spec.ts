import { ALWAYS, daily, expectGetRefused, expectProblem, obligations, references, wmo } from '../support/compliance';
import { KT, WMO } from '../support/demo';
import { Client, startSignedIn, TestApp } from '../support/test-app';

/** One municipality's obligations on the unchanged demo data, and the queries for them (or the overview) that are refused. */
describe('the obligations of one municipality', () => {
  let t: TestApp, vng: Client, officerAssen: Client;

  beforeAll(async () => ([t, vng, officerAssen] = await startSignedIn('vng@demo.nl', 'officer.gm0106@demo.nl')));
  afterAll(() => t?.close());

  /** One municipality's obligations on the unchanged demo data: the documented shape, both duties, a period across contracts. */
  describe('what they say', () => {
    it("Assen for 2025, Wmo duty: the documented fields, the coverage by VNG-SEN-2018 with Sensoor's channels, cost and no gaps", async () => {
      const body = await obligations(officerAssen, 'GM0106', `year=2025&duty=${WMO}`);
      expect(body).toMatchObject({
        municipality: { code: 'GM0106', name: 'Assen', provinceCode: 'PV22', provinceName: 'Drenthe', validTo: null },
        period: { from: '2025-01-01', to: '2025-12-31' },
        asOf: '2025-12-31',
        status: 'COMPLIANT',
      });
      expect(Object.keys(body).sort()).toEqual(['asOf', 'duties', 'municipality', 'period', 'status']);
      const [duty] = body.duties;
      expect(Object.keys(duty).sort()).toEqual(
        [
          'coveredUntil',
          'coverage',
          'cost',
          'duty',
          'explanation',
          'fundingModels',
          'gaps',
          'period',
          'status',
          'uncoveredFrom',
        ].sort(),
      );
      expect(Object.keys(duty.gaps).sort()).toEqual(['dated', 'days', 'weekly']);
      expect(duty).toMatchObject({
        duty: {
          code: WMO,
          name: 'Anoniem luisterend oor en advies',
          legalBasis: 'art. 2.2.4 lid 1 onder b Wmo 2015',
          countingChannels: ['PHONE', 'CHAT'],
          continuousAvailability: true,
        },
        period: { from: '2025-01-01', to: '2025-12-31' },
        status: 'COMPLIANT',
        coveredUntil: null,
        uncoveredFrom: null,
        fundingModels: ['DIRECT_INVOICE'],
        gaps: { days: [], weekly: [], dated: [] },
      });
      expect(duty.explanation).toContain('Assen voldoet van');
      expect(duty.coverage).toHaveLength(1);
      expect(duty.coverage[0]).toMatchObject({
        from: '2025-01-01',
        to: '2025-12-31',
        contract: {
          reference: 'VNG-SEN-2018',
          kind: 'COLLECTIVE',
          fundingModel: 'DIRECT_INVOICE',
          fundingRoute: 'Factuur van de aanbieder aan de gemeente',
          contractingParty: 'Vereniging van Nederlandse Gemeenten',
          providerName: 'Stichting Sensoor',
        },
        services: [{ name: 'Luisterend oor' }],
      });
      expect(
        duty.coverage[0].services[0].channels.map((c) => ({
          kind: c.kind,
          counts: c.counts,
          schedule: c.schedule,
          closures: c.closures,
        })),
      ).toEqual([
        { kind: 'CHAT', counts: true, schedule: daily('09:00', '22:00'), closures: [] },
        { kind: 'EMAIL', counts: false, schedule: ALWAYS, closures: [] },
        { kind: 'PHONE', counts: true, schedule: ALWAYS, closures: [] },
      ]);
      expect(duty.cost).toEqual({
        year: 2025,
        status: 'CALCULATED',
        missingFigures: [],
        amountCents: 1742525,
        vatCents: 0,
        totalCents: 1742525,
        currency: 'EUR',
        note: null,
        lines: [
          {
            contractReference: 'VNG-SEN-2018',
            from: '2025-01-01',
            to: '2025-12-31',
            inhabitants: 69701,
            referenceDate: '2024-01-01',
            perInhabitant: '0.2500',
            days: 365,
            amountCents: 1742525,
            vatCents: 0,
            calculation: '69.701 inwoners x EUR 0,2500',
          },
        ],
      });
    });

    it('without ?duty both duties are judged (Kindertelefoon and Wmo), the overall status the worst', async () => {
      const body = await obligations(vng, 'GM0106', 'date=2025-04-15');
      expect(body).toMatchObject({
        period: { from: '2025-04-15', to: '2025-04-15' },
        asOf: '2025-04-15',
        status: 'COMPLIANT',
      });
      expect(body.duties.map((d) => [d.duty.code, d.status, references(d)]).sort()).toEqual([
        [KT, 'COMPLIANT', ['VNG-KT-2015']],
        [WMO, 'COMPLIANT', ['VNG-SEN-2018']],
      ]);
    });

    it('a period across contracts: 2017-07-01 to 2018-06-30 is covered by VNG-SEN-2015 and then VNG-SEN-2018', async () => {
      const duty = await wmo(vng, 'GM0106', 'from=2017-07-01&to=2018-06-30');
      expect(duty.status).toBe('COMPLIANT');
      // Each row is cut to the period; whether coverage goes on after it is coveredUntil's to say.
      expect(duty.coverage.map((c) => [c.from, c.to, c.contract.reference, c.contract.fundingModel])).toEqual([
        ['2017-07-01', '2017-12-31', 'VNG-SEN-2015', 'FUND_WITHHOLDING'],
        ['2018-01-01', '2018-06-30', 'VNG-SEN-2018', 'DIRECT_INVOICE'],
      ]);
      expect(duty.fundingModels).toEqual(['FUND_WITHHOLDING', 'DIRECT_INVOICE']);
      expect(duty.cost.year).toBe(2017);
    });
  });

  /**
   * Queries the API refuses, as a 400 problem naming the field (or a 404 for what does not exist).
   * The period rules themselves (from and to together, at most ten years, not before 2015) are
   * proven in libs/compliance's period.rules.spec; one of them stands here for the path to a 400.
   */
  describe('invalid compliance queries', () => {
    it.each([
      ['a year before the duty', 'year=1899', 'year'],
      ['an impossible date', 'date=2025-02-30', 'date'],
      ['an unknown query parameter', 'year=2025&colour=red', 'colour'],
      ['a malformed duty code', 'year=2025&duty=nope!', 'duty'],
      ['a period longer than ten years', 'from=2015-01-01&to=2025-12-31', 'to'],
    ])('obligations: 400 problem+json for %s, naming the field', async (_case, query, field) => {
      const res = await vng.get(`/api/v1/municipalities/GM0106/obligations?${query}`);
      expectProblem(res, 400, '/problems/validation-failed');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('obligations: an unknown duty is 404 duty-not-found; an unknown municipality GM9999 404; a malformed code 400', async () => {
      await expectGetRefused(
        vng,
        '/api/v1/municipalities/GM0106/obligations?year=2025&duty=NOPE',
        404,
        '/problems/duty-not-found',
      );
      await expectGetRefused(
        vng,
        '/api/v1/municipalities/GM9999/obligations?year=2025',
        404,
        '/problems/municipality-not-found',
      );
      await expectGetRefused(
        officerAssen,
        '/api/v1/municipalities/GM9999/obligations?year=2025',
        404,
        '/problems/municipality-not-found',
      );
      await expectGetRefused(
        vng,
        '/api/v1/municipalities/XX0106/obligations?year=2025',
        400,
        '/problems/validation-failed',
      );
    });

    it.each([
      ['an unknown status', 'status=MAYBE', 'status'],
      ['an unknown format', 'format=xml', 'format'],
      ['a year before the duty', 'year=1899', 'year'],
      ['a malformed province', 'province=Drenthe', 'province'],
      ['an unknown sort', 'sort=population', 'sort'],
      ['an unknown funding model', 'fundingModel=CASH', 'fundingModel'],
      ['a page of 0', 'page=0', 'page'],
      ['an unknown query parameter', 'year=2025&colour=red', 'colour'],
    ])('overview: 400 problem+json for %s, naming the field', async (_case, query, field) => {
      const res = await vng.get(`/api/v1/compliance/overview?${query}`);
      expectProblem(res, 400, '/problems/validation-failed');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('overview: an unknown duty is 404', async () => {
      await expectGetRefused(vng, '/api/v1/compliance/overview?year=2025&duty=NOPE', 404, '/problems/duty-not-found');
    });
  });
});
