import { Client, startSignedIn, TestApp } from './support/test-app';

interface Item {
  code: string;
  population: number | null;
  populationReferenceDate: string | null;
  provinceCode: string;
}

describe('reference data API (real CBS data on PostgreSQL)', () => {
  let t: TestApp, officer: Client;
  beforeAll(async () => ([t, officer] = await startSignedIn('officer.gm0106@demo.nl')));
  afterAll(() => t.close());

  const all = async (year: number): Promise<{ total: number; items: Item[] }> => {
    const res = await officer.get(`/api/v1/municipalities?year=${year}&limit=500`).expect(200);
    return res.body;
  };

  it('2024 has 342 municipalities whose populations add up to the CBS national total 17,942,942', async () => {
    const body = await all(2024);
    expect(body.total).toBe(342);
    expect(body.items).toHaveLength(342);
    expect(body.items.reduce((sum, m) => sum + (m.population ?? 0), 0)).toBe(17_942_942);
    expect(new Set(body.items.map((m) => m.populationReferenceDate))).toEqual(new Set(['2024-01-01']));
  });

  it.each([
    [2014, 403, 16_829_289],
    [2015, 393, 16_900_726],
    [2016, 390, 16_979_120],
    [2017, 388, 17_081_507],
    [2018, 380, 17_181_084],
    [2019, 355, 17_282_163],
    [2020, 355, 17_407_585],
    [2021, 352, 17_475_415],
    [2022, 345, 17_590_672],
    [2023, 342, 17_811_291],
  ])('on 1 January %i there were %i municipalities with together %i inhabitants', async (year, count, inhabitants) => {
    const body = await all(year);
    expect(body.total).toBe(count);
    expect(body.items.reduce((sum, m) => sum + (m.population ?? 0), 0)).toBe(inhabitants);
  });

  it('2025 lists the 342 municipalities with their latest CBS figure, of 1 January 2024', async () => {
    const body = await all(2025);
    expect(body.total).toBe(342);
    expect(body.items.every((m) => m.populationReferenceDate === '2024-01-01')).toBe(true);
  });

  it('filters by province and searches by name, case-insensitively', async () => {
    const drenthe = await officer.get('/api/v1/municipalities?year=2024&province=PV22&limit=50').expect(200);
    expect(drenthe.body.total).toBe(12);
    expect(drenthe.body.items.every((m: Item) => m.provinceCode === 'PV22')).toBe(true);
    const assen = await officer.get('/api/v1/municipalities?year=2024&province=PV22&q=assen').expect(200);
    expect(assen.body).toMatchObject({
      total: 1,
      page: 1,
      limit: 50,
      items: [{ code: 'GM0106', name: 'Assen', population: 69_701 }],
    });
  });

  it('pages through the list without overlap', async () => {
    const first = await officer.get('/api/v1/municipalities?year=2024&limit=200&page=1&sort=code').expect(200);
    const second = await officer.get('/api/v1/municipalities?year=2024&limit=200&page=2&sort=code').expect(200);
    expect(first.body.items).toHaveLength(200);
    expect(second.body.items).toHaveLength(142);
    expect(second.body.total).toBe(342);
    const codes = [...first.body.items, ...second.body.items].map((m: Item) => m.code);
    expect(new Set(codes).size).toBe(342);
    expect(codes[0]).toBe('GM0014');
  });

  it('shows a municipality with its population history and its predecessors, split shares included', async () => {
    const res = await officer.get('/api/v1/municipalities/GM1966').expect(200);
    expect(res.body).toMatchObject({
      code: 'GM1966',
      name: 'Het Hogeland',
      provinceCode: 'PV20',
      validFrom: '2019-01-01',
      validTo: null,
    });
    expect(res.body.populationHistory[0].referenceDate).toBe('2019-01-01');
    expect(res.body.populationHistory).toHaveLength(6);
    expect(res.body.predecessors.map((p: { code: string }) => p.code)).toEqual([
      'GM0005',
      'GM0053',
      'GM1651',
      'GM1663',
    ]);
    expect(res.body.predecessors[1]).toMatchObject({
      name: 'Winsum',
      effectiveDate: '2019-01-01',
      relation: 'SPLIT_PART',
      share: 0.877,
    });
  });

  it('shows when a municipality ended and where it went', async () => {
    const winsum = await officer.get('/api/v1/municipalities/GM0053').expect(200);
    expect(winsum.body).toMatchObject({
      validFrom: null,
      validTo: '2018-12-31',
      population: 13_560,
      populationReferenceDate: '2018-01-01',
    });
    expect(winsum.body.successors).toEqual([
      expect.objectContaining({ code: 'GM1966', relation: 'SPLIT_PART', share: 0.877 }),
      expect.objectContaining({ code: 'GM1969', relation: 'SPLIT_PART', share: 0.123 }),
    ]);
    const weesp = await officer.get('/api/v1/municipalities/GM0457').expect(200);
    expect(weesp.body).toMatchObject({
      validTo: '2022-03-23',
      successors: [expect.objectContaining({ code: 'GM0363', effectiveDate: '2022-03-24' })],
    });
  });

  it('lists the twelve provinces', async () => {
    const res = await officer.get('/api/v1/provinces').expect(200);
    expect(res.body).toHaveLength(12);
    expect(res.body[1]).toEqual({ code: 'PV21', codeNumber: 21, name: 'Fryslân', altName: 'Friesland' });
  });

  describe('population of a territory (rule 3)', () => {
    const population = (code: string, query: string) =>
      officer.get(`/api/v1/municipalities/${code}/population?${query}`);

    it('Het Hogeland (formed 2019-01-01): Bedum + De Marne + Eemsmond + 0.877 of Winsum on 2018-01-01', async () => {
      const res = await population('GM1966', 'referenceDate=2018-01-01').expect(200);
      expect(res.body).toMatchObject({
        inhabitants: 10_475 + 10_058 + 15_553 + 11_892,
        referenceDate: '2018-01-01',
        asOf: '2019-01-01',
        approximate: false,
      });
      expect(res.body.components).toEqual([
        expect.objectContaining({ code: 'GM0005', inhabitants: 10_475, share: 1 }),
        expect.objectContaining({ code: 'GM0053', referenceInhabitants: 13_560, inhabitants: 11_892, share: 0.877 }),
        expect.objectContaining({ code: 'GM1651', inhabitants: 15_553, share: 1 }),
        expect.objectContaining({ code: 'GM1663', inhabitants: 10_058, share: 1 }),
      ]);
    });

    it('an absorption: Alkmaar 2015 includes Graft-De Rijp and Schermer of 2014-01-01', async () => {
      const res = await population('GM0361', 'referenceDate=2014-01-01&asOf=2015-01-01').expect(200);
      expect(res.body.inhabitants).toBe(94_866 + 6_452 + 5_539);
    });

    it('a mid-year absorption: Weesp counts for Amsterdam from 2022-03-24, not the day before', async () => {
      const before = await population('GM0363', 'referenceDate=2022-01-01&asOf=2022-03-23').expect(200);
      const after = await population('GM0363', 'referenceDate=2022-01-01&asOf=2022-03-24').expect(200);
      expect(before.body.inhabitants).toBe(882_633);
      expect(after.body.inhabitants).toBe(882_633 + 20_766);
    });

    it('a rename with a new code: Berg en Dal (2016) is Groesbeek with Millingen and Ubbergen', async () => {
      const from2014 = await population('GM1945', 'referenceDate=2014-01-01&asOf=2016-01-01').expect(200);
      expect(from2014.body.inhabitants).toBe(18_977 + 5_876 + 9_451);
      const from2015 = await population('GM1945', 'referenceDate=2015-01-01').expect(200);
      expect(from2015.body).toMatchObject({
        inhabitants: 34_258,
        components: [expect.objectContaining({ code: 'GM0241' })],
      });
    });

    it('a rename with a new code in mid-year: De Fryske Marren (2015-07-01) is De Friese Meren', async () => {
      const res = await population('GM1940', 'referenceDate=2015-01-01&asOf=2015-07-01').expect(200);
      expect(res.body).toMatchObject({ inhabitants: 51_213, components: [{ code: 'GM1921', inhabitants: 51_213 }] });
    });

    it('a split: Littenseradiel 2018 counts 0.3094 for Leeuwarden and 0.1786 for Waadhoeke', async () => {
      const leeuwarden = await population('GM0080', 'referenceDate=2017-01-01').expect(200);
      expect(leeuwarden.body.inhabitants).toBe(108_667 + 10_108 + 3_325); // round_half_up(10,746 x 0.3094 = 3,324.81)
      const waadhoeke = await population('GM1949', 'referenceDate=2017-01-01').expect(200);
      expect(waadhoeke.body.components.find((c: { code: string }) => c.code === 'GM0140')).toMatchObject({
        inhabitants: 1_919,
      });
    });

    it('the approximate case: Maasdonk was split in 2015 with no known share, so the figure says so and why', async () => {
      const res = await population('GM0796', 'referenceDate=2014-01-01').expect(200);
      expect(res.body).toMatchObject({ inhabitants: 143_733, approximate: true });
      expect(res.body.notes[0]).toContain('GM1671 was divided on 2015-01-01');
      expect(res.body.notes[0]).toContain('6,719');
      expect(res.body.components.find((c: { code: string }) => c.code === 'GM1671')).toMatchObject({
        approximate: true,
        inhabitants: 0,
      });
    });

    it('the same data without a reorganisation in the period is exact and equals the CBS figure', async () => {
      const res = await population('GM0106', 'referenceDate=2024-01-01&asOf=2025-01-01').expect(200);
      expect(res.body).toMatchObject({ inhabitants: 69_701, approximate: false, notes: [] });
    });
  });
});
