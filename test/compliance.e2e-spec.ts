import type { Response } from 'supertest';
import { sql } from './support/test-database';
import { Client, startTestApp, TestApp } from './support/test-app';

const WMO = 'WMO2015_2_2_4_1B';
const KT = 'JEUGDWET_KINDERTELEFOON';
const G4 = ['GM0344', 'GM0363', 'GM0518', 'GM0599'];
const PROBLEM = 'application/problem+json; charset=utf-8';
const WEEK = [1, 2, 3, 4, 5, 6, 7];
const ALWAYS = WEEK.map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));
const daily = (from: string, to: string) => WEEK.map((weekday) => ({ weekday, from, to }));
const EXEMPT = { vatCategory: 'E', vatExemptionReason: 'Vrijgesteld van btw (test)' };
const PASSWORD = 'een-lang-wachtwoord';

/** Status and body together, so that a failing expectation shows the problem document. */
const outcome = (res: Response) => ({ status: res.status, body: res.body });

interface Coverage {
  from: string;
  to: string | null;
  contract: {
    id: string;
    reference: string;
    kind: string;
    fundingModel: string;
    providerId: string;
    providerName: string;
  };
  services: Array<{
    id: string;
    name: string;
    channels: Array<{
      kind: string;
      counts: boolean;
      schedule: unknown[];
      closures: Array<{ start: string; end: string; reason: string }>;
    }>;
  }>;
}
interface DutyObligation {
  duty: { code: string };
  period: { from: string; to: string };
  status: string;
  explanation: string;
  coveredUntil: string | null;
  uncoveredFrom: string | null;
  coverage: Coverage[];
  fundingModels: string[];
  cost: {
    year: number;
    amountCents: number | null;
    vatCents: number | null;
    totalCents: number | null;
    lines: Array<Record<string, unknown>>;
    note: string | null;
  };
  gaps: {
    days: Array<{ from: string; to: string; days: number }>;
    weekly: Array<{ weekday: number; from: string; to: string; minutes: number; validFrom: string; validTo: string }>;
    dated: Array<{ start: string; end: string; minutes: number; reasons: string[] }>;
  };
}
interface Obligations {
  municipality: { code: string; name: string };
  period: { from: string; to: string };
  asOf: string;
  status: string;
  duties: DutyObligation[];
}
interface OverviewRow {
  code: string;
  name: string;
  provinceCode: string;
  status: string;
  contracts: string[];
  providers: string[];
  fundingModels: string[];
  inhabitants: number | null;
  costCents: number | null;
  coveredUntil: string | null;
  gapDays: number;
  weeklyGapMinutes: number;
  datedGaps: number;
}
interface Overview {
  year: number;
  duty: { code: string };
  asOf: string;
  counts: { COMPLIANT: number; AT_RISK: number; NON_COMPLIANT: number; total: number };
  rows: OverviewRow[];
}

/** GET that must answer 200; the body typed. */
async function ok<T>(client: Client, url: string): Promise<T> {
  const res = await client.get(url);
  expect({ url, ...outcome(res) }).toMatchObject({ url, status: 200 });
  return res.body as T;
}
const obligations = (client: Client, code: string, query: string) =>
  ok<Obligations>(client, `/api/v1/municipalities/${code}/obligations?${query}`);
/** The Wmo duty's judgement alone. */
const wmo = async (client: Client, code: string, query: string) => {
  const body = await obligations(client, code, `${query}&duty=${WMO}`);
  expect(body.duties).toHaveLength(1);
  return body.duties[0];
};
const overview = (client: Client, query: string) => ok<Overview>(client, `/api/v1/compliance/overview?${query}`);
const row = (o: Overview, code: string) => {
  const found = o.rows.find((r) => r.code === code);
  if (!found) throw new Error(`no overview row ${code}`);
  return found;
};
const references = (duty: DutyObligation) => [...new Set(duty.coverage.map((c) => c.contract.reference))];

/** Sensoor's id and its Wmo service. */
async function sensoorIds(vng: Client) {
  const providers = (await vng.get('/api/v1/providers').expect(200)).body as Array<{ id: string; legalName: string }>;
  const providerId = providers.find((p) => p.legalName === 'Stichting Sensoor')!.id;
  const serviceId = (await vng.get(`/api/v1/providers/${providerId}/services`).expect(200)).body.find(
    (s: { dutyCode: string }) => s.dutyCode === WMO,
  ).id as string;
  return { providerId, serviceId };
}

const expectProblem = (res: Response, status: number, type?: string) => {
  expect(outcome(res)).toMatchObject({ status, body: { status, ...(type ? { type } : {}) } });
  expect(res.headers['content-type']).toBe(PROBLEM);
  expect(res.body).toEqual(
    expect.objectContaining({ type: expect.any(String), title: expect.any(String), detail: expect.any(String) }),
  );
};

describe('compliance on the demo data (read only)', () => {
  let t: TestApp;
  let vng: Client;
  let operator: Client;
  let sensoor: Client;
  let officerAssen: Client;
  let financeAmsterdam: Client;
  let overview2025: Overview;

  beforeAll(async () => {
    t = await startTestApp();
    [vng, operator, sensoor, officerAssen, financeAmsterdam] = await Promise.all(
      ['vng@demo.nl', 'operator@demo.nl', 'sensoor@demo.nl', 'officer.gm0106@demo.nl', 'finance.gm0363@demo.nl'].map(
        (email) => t.as(email),
      ),
    );
    overview2025 = await overview(vng, 'year=2025');
  });
  afterAll(() => t?.close());

  describe('the national overview for 2025', () => {
    it('counts all 342 municipalities COMPLIANT for the Wmo duty, as of 2025-12-31', () => {
      expect(overview2025).toMatchObject({
        year: 2025,
        duty: { code: WMO, continuousAvailability: true, countingChannels: ['PHONE', 'CHAT'] },
        asOf: '2025-12-31',
      });
      expect(Object.keys(overview2025).sort()).toEqual(['asOf', 'counts', 'duty', 'rows', 'year']);
      expect(overview2025.counts).toEqual({ COMPLIANT: 342, AT_RISK: 0, NON_COMPLIANT: 0, total: 342 });
      expect(overview2025.rows).toHaveLength(342);
      expect(
        overview2025.rows.every(
          (r) => r.status === 'COMPLIANT' && r.gapDays === 0 && r.weeklyGapMinutes === 0 && r.datedGaps === 0,
        ),
      ).toBe(true);
      expect(overview2025.rows.map((r) => r.code)).toEqual([...overview2025.rows.map((r) => r.code)].sort());
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
      const others = overview2025.rows.filter((r) => !G4.includes(r.code));
      expect(others).toHaveLength(338);
      expect(
        others.every((r) => r.contracts.join() === 'VNG-SEN-2018' && r.providers.join() === 'Stichting Sensoor'),
      ).toBe(true);
    });

    it('agrees row by row with the per-municipality endpoint (status, contract references, cost) for all 342', async () => {
      const mismatches: unknown[] = [];
      for (let i = 0; i < overview2025.rows.length; i += 20) {
        const chunk = overview2025.rows.slice(i, i + 20);
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
      expect(drenthe.rows.every((r) => r.provinceCode === 'PV22')).toBe(true);
      const none = await overview(vng, 'year=2025&status=NON_COMPLIANT');
      expect(none.counts.total).toBe(342);
      expect(none.rows).toEqual([]);
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

    it('format=csv: text/csv with a header line and 342 rows', async () => {
      const res = await vng.get('/api/v1/compliance/overview?year=2025&format=csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="naleving-${WMO}-2025.csv"`);
      const lines = res.text.split('\r\n').filter((line) => line !== '');
      expect(lines).toHaveLength(343);
      expect(lines[0]).toBe(
        'code,name,province,status,contracts,providers,fundingModels,inhabitants,cost,currency,coveredUntil,gapDays,weeklyGapMinutes,datedGaps',
      );
      expect(lines).toContain(
        'GM0106,Assen,Drenthe,COMPLIANT,VNG-SEN-2018,Stichting Sensoor,DIRECT_INVOICE,69701,17425.25,EUR,,0,0,0',
      );
    });
  });

  describe('one municipality', () => {
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

  describe('mergers on 1 January', () => {
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

    it('coverage that ends with the municipality itself is no risk: Bedum on 2018-12-01 is COMPLIANT, not AT_RISK', async () => {
      const duty = await wmo(vng, 'GM0005', 'date=2018-12-01');
      expect(duty).toMatchObject({ status: 'COMPLIANT', coveredUntil: '2018-12-31', uncoveredFrom: null });
    });

    it('a period across its end is cut to the days it existed: Bedum 2018-07-01 to 2019-06-30 judges 2018-07-01 to 2018-12-31', async () => {
      const duty = await wmo(vng, 'GM0005', 'from=2018-07-01&to=2019-06-30');
      expect(duty).toMatchObject({
        period: { from: '2018-07-01', to: '2018-12-31' },
        status: 'COMPLIANT',
        gaps: { days: [] },
      });
    });
  });

  describe('who may see what', () => {
    it("Assen's officer sees Assen (200), gets 404 for Groningen (GM0014) and 403 for the overview", async () => {
      await obligations(officerAssen, 'GM0106', 'year=2025');
      expectProblem(
        await officerAssen.get('/api/v1/municipalities/GM0014/obligations?year=2025'),
        404,
        '/problems/municipality-not-found',
      );
      expectProblem(
        await officerAssen.get('/api/v1/compliance/overview?year=2025'),
        403,
        '/problems/overview-not-allowed',
      );
    });

    it("Amsterdam's finance user sees Amsterdam's own contract", async () => {
      const duty = await wmo(financeAmsterdam, 'GM0363', 'year=2025');
      expect(duty.coverage.map((c) => [c.contract.reference, c.contract.kind, c.contract.providerName])).toEqual([
        ['GM0363-LUISTEREND-OOR', 'INDIVIDUAL', 'Sensoor Amsterdam'],
      ]);
      expectProblem(await financeAmsterdam.get('/api/v1/compliance/overview'), 403, '/problems/overview-not-allowed');
    });

    it('Stichting Sensoor sees Assen (200) but not Amsterdam, served by another provider (404)', async () => {
      await obligations(sensoor, 'GM0106', 'year=2025');
      expectProblem(
        await sensoor.get('/api/v1/municipalities/GM0363/obligations?year=2025'),
        404,
        '/problems/municipality-not-found',
      );
    });

    it("Stichting Sensoor's overview has the 338 municipalities it serves, none of the G4", async () => {
      const own = await overview(sensoor, 'year=2025');
      expect(own.counts).toEqual({ COMPLIANT: 338, AT_RISK: 0, NON_COMPLIANT: 0, total: 338 });
      expect(own.rows).toHaveLength(338);
      expect(own.rows.filter((r) => G4.includes(r.code))).toEqual([]);
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

  describe('bad input', () => {
    it.each([
      ['a year before the duty', 'year=1899', 'year'],
      ['an impossible date', 'date=2025-02-30', 'date'],
      ['from without to', 'from=2025-01-01', 'to'],
      ['to without from', 'to=2025-01-01', 'from'],
      ['to before from', 'from=2025-02-01&to=2025-01-01', 'to'],
      ['date and year together', 'date=2025-01-01&year=2025', 'date'],
      ['an unknown query parameter', 'year=2025&colour=red', 'colour'],
      ['a malformed duty code', 'year=2025&duty=nope!', 'duty'],
      ['a date before 2015', 'date=2014-12-31', 'date'],
      ['a period longer than ten years', 'from=2015-01-01&to=2025-12-31', 'to'],
    ])('obligations: 400 problem+json for %s, naming the field', async (_case, query, field) => {
      const res = await vng.get(`/api/v1/municipalities/GM0106/obligations?${query}`);
      expectProblem(res, 400, '/problems/validation-failed');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('obligations: an unknown duty is 404 duty-not-found; an unknown municipality GM9999 404; a malformed code 400', async () => {
      expectProblem(
        await vng.get('/api/v1/municipalities/GM0106/obligations?year=2025&duty=NOPE'),
        404,
        '/problems/duty-not-found',
      );
      expectProblem(
        await vng.get('/api/v1/municipalities/GM9999/obligations?year=2025'),
        404,
        '/problems/municipality-not-found',
      );
      expectProblem(
        await officerAssen.get('/api/v1/municipalities/GM9999/obligations?year=2025'),
        404,
        '/problems/municipality-not-found',
      );
      expectProblem(
        await vng.get('/api/v1/municipalities/XX0106/obligations?year=2025'),
        400,
        '/problems/validation-failed',
      );
    });

    it.each([
      ['an unknown status', 'status=MAYBE', 'status'],
      ['an unknown format', 'format=xml', 'format'],
      ['a year before the duty', 'year=1899', 'year'],
      ['a malformed province', 'province=Drenthe', 'province'],
      ['an unknown query parameter', 'year=2025&colour=red', 'colour'],
    ])('overview: 400 problem+json for %s, naming the field', async (_case, query, field) => {
      const res = await vng.get(`/api/v1/compliance/overview?${query}`);
      expectProblem(res, 400, '/problems/validation-failed');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('overview: an unknown duty is 404', async () => {
      expectProblem(await vng.get('/api/v1/compliance/overview?year=2025&duty=NOPE'), 404, '/problems/duty-not-found');
    });
  });
});

describe('compliance when coverage changes', () => {
  let t: TestApp;
  let vng: Client;
  let operator: Client;
  let vng2018: string;
  let providerId: string;
  let chatServiceId: string;
  let mailServiceId: string;

  const contractId = async (reference: string) =>
    (await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM contract WHERE reference = $1`, [reference]))[0].id;
  const endParticipation = async (code: string, endDate: string) => {
    const res = await vng.delete(`/api/v1/contracts/${vng2018}/participants/${code}?endDate=${endDate}`);
    expect(outcome(res)).toMatchObject({ status: 200, body: { code, to: endDate } });
  };
  /** An individual open-ended Wmo contract from 2025-01-01 with the test provider, as a draft. */
  const ownDraft = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.post('/api/v1/contracts').send({
      kind: 'INDIVIDUAL',
      dutyCode: WMO,
      supplierId: providerId,
      startDate: '2025-01-01',
      fundingModel: 'DIRECT_INVOICE',
      ...body,
    });
    expect(outcome(res)).toMatchObject({ status: 201, body: { status: 'DRAFT', kind: 'INDIVIDUAL' } });
    return res.body as { id: string; reference: string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    [vng, operator] = await Promise.all(['vng@demo.nl', 'operator@demo.nl'].map((email) => t.as(email)));
    vng2018 = await contractId('VNG-SEN-2018');

    // A provider whose only real-time channel is an evening-less chat, and a service with e-mail alone.
    const provider = await operator.post('/api/v1/providers').send({
      legalName: 'Luisterlijn Test BV',
      kvkNumber: '91234567',
      iban: 'NL91ABNA0417164300',
      street: 'Teststraat 1',
      postalCode: '1234 AB',
      city: 'Zwolle',
      invoicePrefix: 'LTB',
    });
    expect(outcome(provider)).toMatchObject({ status: 201, body: { legalName: 'Luisterlijn Test BV' } });
    providerId = provider.body.id;
    const chat = await operator.post(`/api/v1/providers/${providerId}/services`).send({
      name: 'Chat overdag',
      dutyCode: WMO,
      channels: [
        { kind: 'CHAT', contact: 'https://chat.test', schedule: daily('09:00', '22:00') },
        { kind: 'EMAIL', contact: 'mail@luisterlijn.test', schedule: ALWAYS },
      ],
    });
    expect(outcome(chat)).toMatchObject({ status: 201, body: { dutyCode: WMO } });
    chatServiceId = chat.body.id;
    const mail = await operator.post(`/api/v1/providers/${providerId}/services`).send({
      name: 'Alleen e-mail',
      dutyCode: WMO,
      channels: [{ kind: 'EMAIL', contact: 'mail@luisterlijn.test', schedule: ALWAYS }],
    });
    expect(outcome(mail)).toMatchObject({ status: 201, body: { dutyCode: WMO } });
    mailServiceId = mail.body.id;
  });
  afterAll(() => t?.close());

  describe('Assen leaves VNG-SEN-2018 on 2025-06-30 without a successor', () => {
    beforeAll(() => endParticipation('GM0106', '2025-06-30'));

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

    it('the 90-day horizon: AT_RISK on 2025-04-01 (90 days before the end), COMPLIANT on 2025-03-31 (91 days)', async () => {
      expect(await wmo(vng, 'GM0106', 'date=2025-04-01')).toMatchObject({
        status: 'AT_RISK',
        uncoveredFrom: '2025-07-01',
      });
      expect(await wmo(vng, 'GM0106', 'date=2025-03-31')).toMatchObject({
        status: 'COMPLIANT',
        coveredUntil: '2025-06-30',
        uncoveredFrom: null,
      });
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
      expect(failing.rows.map((r) => r.code)).toEqual(['GM0106']);
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

  describe("Groningen's own contract with a service whose only real-time channel is chat 09:00-22:00", () => {
    let groningenAdmin: Client;
    let own: { id: string; reference: string };

    beforeAll(async () => {
      const [groningen] = await sql<{ id: string }>(
        t.databaseUrl,
        `SELECT id FROM organisation WHERE municipality_code = 'GM0014'`,
      );
      await operator
        .post('/api/v1/users')
        .send({
          email: 'admin.gm0014@test.nl',
          name: 'Beheerder Groningen',
          roles: ['ORG_ADMIN'],
          password: PASSWORD,
          organisationId: groningen.id,
        })
        .expect(201);
      groningenAdmin = await t.as('admin.gm0014@test.nl', PASSWORD);
      own = await ownDraft(groningenAdmin, {
        title: 'Eigen luisterend oor Groningen (chat)',
        serviceIds: [chatServiceId],
        vatCategory: 'S',
        vatRate: '21.00',
        tariffs: [{ perInhabitant: '0.3000', validFrom: '2025-01-01' }],
      });
    });

    it('cannot be activated while VNG-SEN-2018 still covers Groningen (409 double-coverage)', async () => {
      const res = await groningenAdmin.post(`/api/v1/contracts/${own.id}/activate`);
      expectProblem(res, 409, '/problems/double-coverage');
      expect(res.body.conflictingContract).toMatchObject({ reference: 'VNG-SEN-2018' });
    });

    it('after Groningen leaves VNG-SEN-2018 on 2024-12-31 it activates', async () => {
      await endParticipation('GM0014', '2024-12-31');
      const res = await groningenAdmin.post(`/api/v1/contracts/${own.id}/activate`);
      expect(outcome(res)).toMatchObject({ status: 201, body: { status: 'ACTIVE' } });
    });

    it('2025 is NON_COMPLIANT with a weekly gap 22:00-09:00 on every day (weekday 1..7, 660 minutes)', async () => {
      const body = await obligations(groningenAdmin, 'GM0014', `year=2025&duty=${WMO}`);
      expect(body.status).toBe('NON_COMPLIANT');
      const [duty] = body.duties;
      expect(duty.gaps.days).toEqual([]);
      expect(duty.gaps.dated).toEqual([]);
      expect(duty.gaps.weekly).toEqual(
        WEEK.map((weekday) => ({
          weekday,
          from: '22:00',
          to: '09:00',
          minutes: 660,
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
        })),
      );
      expect(duty.explanation).toContain('wekelijks tijden zonder telefoon of chat (bijvoorbeeld maandag 22:00-09:00)');
      expect(duty.coverage).toHaveLength(1);
      expect(duty.coverage[0]).toMatchObject({
        from: '2025-01-01',
        to: '2025-12-31',
        contract: { reference: own.reference, kind: 'INDIVIDUAL', providerId, providerName: 'Luisterlijn Test BV' },
      });
      expect(duty.coverage[0].services[0].channels.map((c) => [c.kind, c.counts])).toEqual([
        ['CHAT', true],
        ['EMAIL', false],
      ]);
      // 243,768 inhabitants x EUR 0.30 = 7,313,040 cents; 21% VAT = 1,535,738.4 -> 1,535,738
      expect(duty.cost).toMatchObject({ amountCents: 7313040, vatCents: 1535738, totalCents: 8848778 });
    });

    it('the overview shows 7 x 660 = 4,620 weekly gap minutes for Groningen', async () => {
      expect(row(await overview(vng, 'year=2025'), 'GM0014')).toMatchObject({
        status: 'NON_COMPLIANT',
        contracts: [own.reference],
        providers: ['Luisterlijn Test BV'],
        weeklyGapMinutes: 4620,
        gapDays: 0,
        costCents: 8848778,
      });
    });

    it('a period across the change: the weekly gaps apply from 2025-01-01 only', async () => {
      const duty = await wmo(vng, 'GM0014', 'from=2024-07-01&to=2025-06-30');
      expect(duty.status).toBe('NON_COMPLIANT');
      expect(duty.coverage.map((c) => [c.from, c.to, c.contract.reference])).toEqual([
        ['2024-07-01', '2024-12-31', 'VNG-SEN-2018'],
        ['2025-01-01', '2025-06-30', own.reference],
      ]);
      expect(duty.gaps.weekly).toHaveLength(7);
      expect(duty.gaps.weekly.every((g) => g.validFrom === '2025-01-01' && g.validTo === '2025-06-30')).toBe(true);
    });

    it('with a successor in place, the end of VNG-SEN-2018 is no risk: 2024 and 2024-12-01 are COMPLIANT, open-ended', async () => {
      expect(await wmo(vng, 'GM0014', 'year=2024')).toMatchObject({
        status: 'COMPLIANT',
        coveredUntil: null,
        uncoveredFrom: null,
      });
      expect(await wmo(vng, 'GM0014', 'date=2024-12-01')).toMatchObject({
        status: 'COMPLIANT',
        coveredUntil: null,
        uncoveredFrom: null,
      });
    });
  });

  describe('Almere with an e-mail-only service', () => {
    let own: { id: string; reference: string };

    beforeAll(async () => {
      await endParticipation('GM0034', '2024-12-31');
      own = await ownDraft(operator, {
        municipalityCode: 'GM0034',
        title: 'Alleen e-mail Almere',
        serviceIds: [mailServiceId],
        ...EXEMPT,
        tariffs: [{ perInhabitant: '0.2000', validFrom: '2025-01-01' }],
      });
      expect(outcome(await operator.post(`/api/v1/contracts/${own.id}/activate`))).toMatchObject({
        status: 201,
        body: { status: 'ACTIVE' },
      });
    });

    it('2025 is NON_COMPLIANT: seven whole days of weekly gap (00:00-24:00, 1440 minutes), although every day has a contract', async () => {
      const duty = await wmo(vng, 'GM0034', 'year=2025');
      expect(duty.status).toBe('NON_COMPLIANT');
      expect(duty.gaps.days).toEqual([]);
      expect(duty.gaps.weekly).toEqual(
        WEEK.map((weekday) => ({
          weekday,
          from: '00:00',
          to: '24:00',
          minutes: 1440,
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
        })),
      );
      expect(duty.explanation).toContain('geen telefoon of chat in de dienstverlening');
      expect(duty.coverage[0].services[0].channels.map((c) => [c.kind, c.counts])).toEqual([['EMAIL', false]]);
      // 226,500 x EUR 0.20 = 4,530,000 cents, exempt
      expect(duty.cost).toMatchObject({ amountCents: 4530000, vatCents: 0, totalCents: 4530000 });
    });

    it('the overview shows 10,080 weekly gap minutes for Almere', async () => {
      expect(row(await overview(vng, 'year=2025'), 'GM0034')).toMatchObject({
        status: 'NON_COMPLIANT',
        contracts: [own.reference],
        weeklyGapMinutes: 10080,
        gapDays: 0,
      });
    });
  });

  describe('what a provider that serves by its own contracts sees', () => {
    let luisterlijn: Client;

    beforeAll(async () => {
      await operator
        .post('/api/v1/users')
        .send({
          email: 'admin@luisterlijn.test',
          name: 'Beheerder Luisterlijn',
          roles: ['PROVIDER_ADMIN'],
          password: PASSWORD,
          organisationId: providerId,
        })
        .expect(201);
      luisterlijn = await t.as('admin@luisterlijn.test', PASSWORD);
    });

    it('Luisterlijn serves Groningen and Almere from 2025: its overview has those two rows, Assen is 404', async () => {
      const own = await overview(luisterlijn, 'year=2025');
      expect(own.rows.map((r) => [r.code, r.status, r.providers])).toEqual([
        ['GM0014', 'NON_COMPLIANT', ['Luisterlijn Test BV']],
        ['GM0034', 'NON_COMPLIANT', ['Luisterlijn Test BV']],
      ]);
      expect((await overview(luisterlijn, 'year=2024')).rows).toEqual([]);
      expectProblem(
        await luisterlijn.get('/api/v1/municipalities/GM0106/obligations?year=2025'),
        404,
        '/problems/municipality-not-found',
      );
    });

    it('a draft contract (never activated) does not make it a provider serving the municipalities enrolled in it', async () => {
      const draft = await vng.post('/api/v1/contracts').send({
        kind: 'COLLECTIVE',
        dutyCode: WMO,
        title: 'Concept luisterlijn 2026',
        supplierId: providerId,
        serviceIds: [chatServiceId],
        startDate: '2026-01-01',
        fundingModel: 'DIRECT_INVOICE',
        ...EXEMPT,
      });
      expect(outcome(draft)).toMatchObject({ status: 201, body: { status: 'DRAFT' } });
      const enrolled = await vng
        .post(`/api/v1/contracts/${draft.body.id}/participants`)
        .send({ all: true, year: 2026 });
      expect(outcome(enrolled)).toMatchObject({ status: 201 });
      expect(enrolled.body.enrolled).toHaveLength(342);
      // Still only the two municipalities it serves by an active contract, and no view of Amsterdam's own contract.
      const amsterdam = await luisterlijn.get(`/api/v1/municipalities/GM0363/obligations?year=2026&duty=${WMO}`);
      expect({
        status: amsterdam.status,
        seen: amsterdam.body.duties?.[0]?.coverage?.map((c: Coverage) => c.contract.reference),
      }).toEqual({ status: 404, seen: undefined });
      expect((await overview(luisterlijn, 'year=2026')).rows.map((r) => r.code)).toEqual(['GM0014', 'GM0034']);
    });
  });

  describe('Het Hogeland without and with the roll-over of 2019', () => {
    beforeAll(async () => {
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

describe("compliance with dated closures of Sensoor's phone line", () => {
  let t: TestApp;
  let vng: Client;
  let sensoor: Client;
  let ids: { providerId: string; serviceId: string };
  const NIGHT = 'Onderhoud telefooncentrale (nacht)';
  const DAY = 'Onderhoud telefooncentrale (dag)';
  const DST = 'Onderhoud over de zomertijd';

  const close = async (from: string, to: string, reason: string) => {
    const res = await sensoor
      .post(`/api/v1/providers/${ids.providerId}/services/${ids.serviceId}/closures`)
      .send({ channel: 'PHONE', from, to, reason });
    expect(outcome(res)).toMatchObject({ status: 201 });
  };

  beforeAll(async () => {
    t = await startTestApp();
    [vng, sensoor] = await Promise.all(['vng@demo.nl', 'sensoor@demo.nl'].map((email) => t.as(email)));
    ids = await sensoorIds(vng);
  });
  afterAll(() => t?.close());

  describe('a night closure on Monday 2025-03-10, 02:00-04:00, with chat closed', () => {
    beforeAll(() => close('2025-03-10T02:00:00+01:00', '2025-03-10T04:00:00+01:00', NIGHT));

    it('makes Assen NON_COMPLIANT for 2025 with that one dated gap of 120 minutes', async () => {
      const duty = await wmo(vng, 'GM0106', 'year=2025');
      expect(duty.status).toBe('NON_COMPLIANT');
      expect(duty.gaps).toEqual({
        days: [],
        weekly: [],
        dated: [
          { start: '2025-03-10T02:00:00+01:00', end: '2025-03-10T04:00:00+01:00', minutes: 120, reasons: [NIGHT] },
        ],
      });
      expect(duty.explanation).toContain('1 onderbreking door sluiting (120 minuten)');
      const phone = duty.coverage[0].services[0].channels.find((c) => c.kind === 'PHONE')!;
      expect(phone.closures).toEqual([
        { start: '2025-03-10T02:00:00+01:00', end: '2025-03-10T04:00:00+01:00', reason: NIGHT },
      ]);
    });

    it('makes every Sensoor participant NON_COMPLIANT (338); the G4 with their own services stay COMPLIANT', async () => {
      const o = await overview(vng, 'year=2025');
      expect(o.counts).toEqual({ COMPLIANT: 4, AT_RISK: 0, NON_COMPLIANT: 338, total: 342 });
      expect(o.rows.filter((r) => r.status === 'COMPLIANT').map((r) => r.code)).toEqual(G4);
      expect(
        o.rows
          .filter((r) => r.status === 'NON_COMPLIANT')
          .every((r) => r.datedGaps === 1 && r.gapDays === 0 && r.weeklyGapMinutes === 0),
      ).toBe(true);
    });

    it('other years and other days are not affected', async () => {
      expect((await wmo(vng, 'GM0106', 'year=2024')).status).toBe('COMPLIANT');
      expect((await wmo(vng, 'GM0106', 'date=2025-03-11')).status).toBe('COMPLIANT');
      expect((await wmo(vng, 'GM0106', 'date=2025-03-10')).gaps.dated).toHaveLength(1);
    });
  });

  describe('a day closure on 2025-03-10, 10:00-12:00, while chat is open', () => {
    beforeAll(() => close('2025-03-10T10:00:00+01:00', '2025-03-10T12:00:00+01:00', DAY));

    it('adds no dated gap: on 2025-03-10 only the night closure counts', async () => {
      const duty = await wmo(vng, 'GM0106', 'date=2025-03-10');
      expect(duty.gaps.dated).toEqual([
        { start: '2025-03-10T02:00:00+01:00', end: '2025-03-10T04:00:00+01:00', minutes: 120, reasons: [NIGHT] },
      ]);
      const phone = duty.coverage[0].services[0].channels.find((c) => c.kind === 'PHONE')!;
      expect(phone.closures.map((c) => c.reason)).toEqual([NIGHT, DAY]);
    });
  });

  describe('a closure across the daylight-saving change, 2025-03-30 01:00+01:00 to 04:00+02:00', () => {
    beforeAll(() => close('2025-03-30T01:00:00+01:00', '2025-03-30T04:00:00+02:00', DST));

    it('lasts 120 real minutes', async () => {
      const duty = await wmo(vng, 'GM0106', 'date=2025-03-30');
      expect(duty.status).toBe('NON_COMPLIANT');
      expect(duty.gaps.dated).toEqual([
        { start: '2025-03-30T01:00:00+01:00', end: '2025-03-30T04:00:00+02:00', minutes: 120, reasons: [DST] },
      ]);
    });

    it('for 2025 Assen now has the two night gaps, the day closure none', async () => {
      const duty = await wmo(vng, 'GM0106', 'year=2025');
      expect(duty.gaps.dated.map((g) => [g.start, g.end, g.minutes])).toEqual([
        ['2025-03-10T02:00:00+01:00', '2025-03-10T04:00:00+01:00', 120],
        ['2025-03-30T01:00:00+01:00', '2025-03-30T04:00:00+02:00', 120],
      ]);
      expect(row(await overview(vng, 'year=2025'), 'GM0106').datedGaps).toBe(2);
    });
  });

  describe('closures that overlap the chat hours only in part', () => {
    const EVENING = 'Storing telefonie (avond)';
    const AUTUMN = 'Onderhoud bij het einde van de zomertijd';
    beforeAll(async () => {
      await close('2025-05-05T21:00:00+02:00', '2025-05-05T23:00:00+02:00', EVENING);
      await close('2025-10-26T01:30:00+02:00', '2025-10-26T02:30:00+01:00', AUTUMN);
    });

    it('phone closed 21:00-23:00 while chat closes at 22:00 leaves the hour 22:00-23:00 uncovered (60 minutes)', async () => {
      const duty = await wmo(vng, 'GM0106', 'date=2025-05-05');
      expect(duty.gaps.dated).toEqual([
        { start: '2025-05-05T22:00:00+02:00', end: '2025-05-05T23:00:00+02:00', minutes: 60, reasons: [EVENING] },
      ]);
    });

    it('a closure across the end of daylight saving (01:30+02:00 to 02:30+01:00) lasts 120 real minutes', async () => {
      const duty = await wmo(vng, 'GM0106', 'date=2025-10-26');
      expect(duty.gaps.dated).toEqual([
        { start: '2025-10-26T01:30:00+02:00', end: '2025-10-26T02:30:00+01:00', minutes: 120, reasons: [AUTUMN] },
      ]);
    });
  });
});
