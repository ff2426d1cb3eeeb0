import { readBundledReferenceData } from './bundled-reference-data';

describe('bundled CBS reference data', () => {
  const data = readBundledReferenceData();
  const byCode = new Map(data.municipalities.map((m) => [m.code, m]));

  it('holds every municipality of 2014-2025, the provinces, the population and the reorganisations', () => {
    expect(data.municipalities).toHaveLength(426);
    expect(data.provinces).toHaveLength(12);
    expect(data.population).toHaveLength(4045);
    expect(data.changes).toHaveLength(93);
  });

  it('derives when each code existed from the yearly layouts and the reorganisation dates', () => {
    expect(byCode.get('GM0363')).toMatchObject({ name: 'Amsterdam', validFrom: null, validTo: null });
    expect(byCode.get('GM0457')).toMatchObject({ name: 'Weesp', validTo: '2022-03-23' });
    expect(byCode.get('GM1921')).toMatchObject({ validFrom: null, validTo: '2015-06-30' });
    expect(byCode.get('GM1940')).toMatchObject({ name: 'De Fryske Marren', validFrom: '2015-07-01', validTo: null });
    expect(byCode.get('GM1945')).toMatchObject({ name: 'Berg en Dal', validFrom: '2016-01-01' });
    expect(byCode.get('GM1966')).toMatchObject({ validFrom: '2019-01-01', validTo: null });
  });

  it('keeps the CBS names with their qualifiers', () => {
    expect(byCode.get('GM0888')?.name).toBe('Beek (L.)');
    expect(byCode.get('GM0518')?.name).toBe("'s-Gravenhage");
  });

  it('reads unknown split shares as unknown, not as zero', () => {
    const maasdonk = data.changes.filter((c) => c.oldCode === 'GM1671');
    expect(maasdonk.map((c) => c.share)).toEqual([null, null]);
    expect(data.changes.find((c) => c.oldCode === 'GM0053' && c.newCode === 'GM1966')?.share).toBe('0.877');
  });
});
