import { dutchLongDate } from '@wmo/domain';
import { obligations, overview, wmo } from '../support/compliance';
import { WMO, YEAR } from '../support/demo';
import { Client, startTestApp, TestApp } from '../support/test-app';

/** A day inside the running year that the app takes for today (CLOCK_TODAY): the report speaks up to it. */
const PINNED_TODAY = `${YEAR}-06-15`;

/**
 * The national overview as a list (sort, q, filters, pages) with honest totals over the whole
 * filtered set, the cost that is unknown rather than zero while CBS figures are missing, and the
 * council report of the running year that speaks up to today.
 */
describe('the national overview as a list, and honest partial data', () => {
  let t: TestApp, vng: Client, assen: Client;

  beforeAll(async () => {
    t = await startTestApp({ CLOCK_TODAY: PINNED_TODAY });
    [vng, assen] = await Promise.all([t.as('vng@demo.nl'), t.as('officer.gm0106@demo.nl')]);
  }, 120_000);
  afterAll(() => t?.close());

  it('sort=-inhabitants: Amsterdam (the largest) first, then Rotterdam; one page of 3 of all 342', async () => {
    const page = await overview(vng, 'year=2025&sort=-inhabitants&limit=3');
    expect(page.items.map((r) => [r.name, r.inhabitants])).toEqual([
      ['Amsterdam', expect.any(Number)],
      ['Rotterdam', expect.any(Number)],
      ["'s-Gravenhage", expect.any(Number)],
    ]);
    expect(page.items[0].inhabitants!).toBeGreaterThan(page.items[1].inhabitants!);
    expect([page.total, page.page, page.limit]).toEqual([342, 1, 3]);
    // The totals are those of all 342, not of the page.
    expect(page.totals.municipalities).toBe(342);
    const second = await overview(vng, 'year=2025&sort=-inhabitants&limit=3&page=2');
    expect(second.items[0].inhabitants!).toBeLessThanOrEqual(page.items[2].inhabitants!);
  });

  it('q=assen finds Assen first (and Wassenaar); q=fryslân (and fryslan) the municipalities with Fryslân in their name', async () => {
    const found = await overview(vng, 'year=2025&q=assen');
    expect(found.items.map((r) => [r.code, r.name, r.costCents])).toEqual([
      ['GM0106', 'Assen', 1742525],
      ['GM0629', 'Wassenaar', 677500],
    ]);
    expect(found.totals).toMatchObject({ municipalities: 2, costCents: 1742525 + 677500, complete: true });
    const fryslan = await overview(vng, `year=2025&q=${encodeURIComponent('fryslân')}`);
    expect(fryslan.items.map((r) => r.name)).toEqual(['Noardeast-Fryslân', 'Súdwest-Fryslân']);
    expect((await overview(vng, 'year=2025&q=FRYSLAN')).items.map((r) => r.code)).toEqual(
      fryslan.items.map((r) => r.code),
    );
    expect((await overview(vng, 'year=2025&q=gm0106')).items.map((r) => r.name)).toEqual(['Assen']);
  });

  it('province and status filters: the totals are those of the filtered set, the provinces the national picture', async () => {
    const drenthe = await overview(vng, 'year=2025&province=PV22&status=COMPLIANT&limit=5');
    expect(drenthe.total).toBe(12);
    expect(drenthe.items).toHaveLength(5);
    expect(drenthe.items.every((r) => r.provinceCode === 'PV22')).toBe(true);
    const all = await overview(vng, 'year=2025&province=PV22');
    const sum = all.items.reduce((total, r) => total + r.costCents!, 0);
    expect(drenthe.totals).toMatchObject({ municipalities: 12, COMPLIANT: 12, costCents: sum, complete: true });
    expect(drenthe.totals.costCents).toBeGreaterThan(1742525);
    // The tile map's numbers: all 12 provinces, whatever province is chosen.
    expect(drenthe.provinces).toHaveLength(12);
    expect(drenthe.provinces.find((p) => p.code === 'PV22')).toMatchObject({
      name: 'Drenthe',
      municipalities: 12,
      COMPLIANT: 12,
      costCents: sum,
    });
    expect(drenthe.provinces.reduce((n, p) => n + p.municipalities, 0)).toBe(342);
    const none = await overview(vng, 'year=2025&status=NON_COMPLIANT');
    expect([none.total, none.totals.municipalities, none.totals.costCents, none.counts.total]).toEqual([0, 0, 0, 342]);
  });

  it('2026: no CBS figures on 1 January 2025 yet, so every sum is null (not 0) and the missing figures are named', async () => {
    const o = await overview(vng, 'year=2026&limit=2');
    expect(o.total).toBe(342);
    expect(o.items.map((r) => [r.inhabitants, r.costCents])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(o.totals).toMatchObject({
      municipalities: 342,
      inhabitants: null,
      costCents: null,
      unknownInhabitants: 342,
      unknownCost: 342,
      complete: false,
    });
    expect(o.provinces.every((p) => p.costCents === null && p.inhabitants === null && !p.complete)).toBe(true);
    expect(o.missingFigures).toEqual([{ kind: 'POPULATION', referenceDate: '2025-01-01', municipalities: 342 }]);
    expect((await overview(vng, 'year=2025&limit=1')).missingFigures).toEqual([]);
  });

  it("Assen's 2026 cost: unknown because figures are missing, not zero; 2025 calculated", async () => {
    const duty = await wmo(assen, 'GM0106', 'year=2026');
    expect(duty.cost).toMatchObject({
      status: 'FIGURES_MISSING',
      missingFigures: [{ kind: 'POPULATION', referenceDate: '2025-01-01' }],
      totalCents: null,
      lines: [],
    });
    expect((await wmo(assen, 'GM0106', 'year=2025')).cost).toMatchObject({ status: 'CALCULATED', totalCents: 1742525 });
  });

  it(`the running year is judged up to today (${PINNED_TODAY}): "t/m" today's long date, in the answer and the report`, async () => {
    const today = dutchLongDate(PINNED_TODAY);
    const running = await obligations(assen, 'GM0106', `year=${YEAR}&duty=${WMO}`);
    expect(running.asOf).toBe(PINNED_TODAY);
    expect(running.duties[0].explanation).toContain(`Assen voldoet van 1 januari ${YEAR} t/m ${today} (vandaag) aan`);
    const report = await assen.get(`/api/v1/municipalities/GM0106/compliance-report?year=${YEAR}&format=json`);
    expect(report.status).toBe(200);
    expect(report.body.judgedThrough).toBe(PINNED_TODAY);
    expect(report.body.obligation.explanation).toContain(`t/m ${today} (vandaag)`);
    expect(report.body.obligation.explanation).not.toContain(`31 december ${YEAR}`);
    // A year that has ended keeps its whole span.
    const past = await assen.get(`/api/v1/municipalities/GM0106/compliance-report?year=2025&format=json`).expect(200);
    expect(past.body.judgedThrough).toBe('2025-12-31');
    expect(past.body.obligation.explanation).toContain('van 1 januari 2025 t/m 31 december 2025 aan');
  });

  it('a sort the overview does not know is a 400 naming sort', async () => {
    const res = await vng.get('/api/v1/compliance/overview?sort=-population');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
  });
});
