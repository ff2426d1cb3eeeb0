import { TerritorialChange, territoryPopulation } from './territory-population';

// Real CBS figures and reorganisations (data/reference), reduced to what each case needs.
const change = (
  effectiveDate: string,
  oldCode: string,
  newCode: string,
  relation: TerritorialChange['relation'],
  share: string | null = null,
  notes: string | null = null,
): TerritorialChange => ({
  effectiveDate,
  oldCode,
  newCode,
  relation,
  share,
  notes,
});

const HET_HOGELAND_2019 = [
  change('2019-01-01', 'GM0005', 'GM1966', 'MERGED_INTO_NEW', '1.0'),
  change('2019-01-01', 'GM0053', 'GM1966', 'SPLIT_PART', '0.877'),
  change('2019-01-01', 'GM1651', 'GM1966', 'MERGED_INTO_NEW', '1.0'),
  change('2019-01-01', 'GM1663', 'GM1966', 'MERGED_INTO_NEW', '1.0'),
  change('2019-01-01', 'GM0053', 'GM1969', 'SPLIT_PART', '0.123'),
];
const FIGURES_2018 = new Map([
  ['GM0005', 10475],
  ['GM1663', 10058],
  ['GM1651', 15553],
  ['GM0053', 13560],
]);

describe('territory population (DOMAIN.md rule 3)', () => {
  it('a new municipality counts its predecessors, a split part by its address share', () => {
    const result = territoryPopulation({
      code: 'GM1966',
      referenceDate: '2018-01-01',
      asOf: '2019-01-01',
      figures: FIGURES_2018,
      changes: HET_HOGELAND_2019,
    });
    // 10,475 + 10,058 + 15,553 + round_half_up(13,560 x 0.877 = 11,892.12)
    expect(result.inhabitants).toBe(47_978);
    expect(result.approximate).toBe(false);
    expect(result.components.find((c) => c.code === 'GM0053')).toMatchObject({ share: '0.877', inhabitants: 11_892 });
  });

  it('the other side of a split gets the remaining share', () => {
    const result = territoryPopulation({
      code: 'GM1969',
      referenceDate: '2018-01-01',
      asOf: '2019-01-01',
      figures: FIGURES_2018,
      changes: HET_HOGELAND_2019,
    });
    expect(result.inhabitants).toBe(1_668); // round_half_up(13,560 x 0.123 = 1,667.88)
  });

  it('rounds each split part half up to whole inhabitants', () => {
    const changes = [
      change('2020-01-01', 'GM9001', 'GM9002', 'SPLIT_PART', '0.5'),
      change('2020-01-01', 'GM9001', 'GM9003', 'SPLIT_PART', '0.5'),
    ];
    const figures = new Map([
      ['GM9001', 3],
      ['GM9002', 10],
    ]);
    expect(
      territoryPopulation({ code: 'GM9002', referenceDate: '2019-01-01', asOf: '2020-01-01', figures, changes })
        .inhabitants,
    ).toBe(12); // 10 + 1.5 -> 2
  });

  it('an absorption adds the absorbed municipality to the existing one', () => {
    const changes = [
      change('2015-01-01', 'GM0365', 'GM0361', 'ABSORBED_BY_EXISTING'),
      change('2015-01-01', 'GM0458', 'GM0361', 'ABSORBED_BY_EXISTING'),
    ];
    const figures = new Map([
      ['GM0361', 94_866],
      ['GM0365', 6_452],
      ['GM0458', 5_539],
    ]);
    expect(
      territoryPopulation({ code: 'GM0361', referenceDate: '2014-01-01', asOf: '2015-01-01', figures, changes })
        .inhabitants,
    ).toBe(106_857);
  });

  it('a merger after the start of the period does not count yet', () => {
    const changes = [change('2022-03-24', 'GM0457', 'GM0363', 'ABSORBED_BY_EXISTING', '1.0')];
    const figures = new Map([
      ['GM0363', 882_633],
      ['GM0457', 20_766],
    ]);
    const before = territoryPopulation({
      code: 'GM0363',
      referenceDate: '2022-01-01',
      asOf: '2022-03-23',
      figures,
      changes,
    });
    const from = territoryPopulation({
      code: 'GM0363',
      referenceDate: '2022-01-01',
      asOf: '2022-03-24',
      figures,
      changes,
    });
    expect(before.inhabitants).toBe(882_633);
    expect(from.inhabitants).toBe(903_399);
  });

  it('a merger on the reference date itself is already in the CBS figure and is not added again', () => {
    const figures = new Map([['GM1966', 47_900]]);
    const result = territoryPopulation({
      code: 'GM1966',
      referenceDate: '2019-01-01',
      asOf: '2020-01-01',
      figures,
      changes: HET_HOGELAND_2019,
    });
    expect(result.inhabitants).toBe(47_900);
    expect(result.components).toHaveLength(1);
  });

  it('follows a rename with a new code back through the absorptions before it', () => {
    const changes = [
      change('2015-01-01', 'GM0265', 'GM0241', 'ABSORBED_BY_EXISTING'),
      change('2015-01-01', 'GM0282', 'GM0241', 'ABSORBED_BY_EXISTING'),
      change('2016-01-01', 'GM0241', 'GM1945', 'RENAMED_NEW_CODE'),
    ];
    const figures2014 = new Map([
      ['GM0241', 18_977],
      ['GM0265', 5_876],
      ['GM0282', 9_451],
    ]);
    const result = territoryPopulation({
      code: 'GM1945',
      referenceDate: '2014-01-01',
      asOf: '2016-01-01',
      figures: figures2014,
      changes,
    });
    expect(result.inhabitants).toBe(34_304);
    expect(result.components.map((c) => c.code)).toEqual(['GM0241', 'GM0265', 'GM0282']);
  });

  it('an unknown split share is never guessed: the main successor counts all, the part nothing, both approximate', () => {
    const changes = [
      change('2016-01-01', 'GM0381', 'GM1942', 'MERGED_INTO_NEW'),
      change('2016-01-01', 'GM0424', 'GM1942', 'MERGED_INTO_NEW'),
      change('2016-01-01', 'GM0425', 'GM1942', 'MERGED_INTO_NEW'),
      change(
        '2016-01-01',
        'GM0424',
        'GM0457',
        'BOUNDARY_CORRECTION_PART',
        null,
        'part of Muiden (Bloemendalerpolder) transferred to Weesp; share not known',
      ),
    ];
    const figures = new Map([
      ['GM0381', 32_870],
      ['GM0424', 6_249],
      ['GM0425', 17_209],
      ['GM0457', 18_348],
    ]);
    const gooiseMeren = territoryPopulation({
      code: 'GM1942',
      referenceDate: '2015-01-01',
      asOf: '2016-01-01',
      figures,
      changes,
    });
    const weesp = territoryPopulation({
      code: 'GM0457',
      referenceDate: '2015-01-01',
      asOf: '2016-01-01',
      figures,
      changes,
    });
    expect(gooiseMeren).toMatchObject({ inhabitants: 56_328, approximate: true });
    expect(weesp).toMatchObject({ inhabitants: 18_348, approximate: true });
    expect(weesp.notes).toEqual([
      'GM0424 was divided on 2016-01-01 between GM0457 and GM1942 with no known address share; ' +
        'the part that went to GM0457 is not counted ' +
        '(part of Muiden (Bloemendalerpolder) transferred to Weesp; share not known).',
    ]);
    expect(weesp.components.find((c) => c.code === 'GM0424')).toMatchObject({ inhabitants: 0, share: '0' });
    expect(gooiseMeren.notes).toEqual([
      'GM0424 was divided on 2016-01-01 between GM1942 and GM0457 with no known address share; ' +
        'GM1942 received the main part, so all of GM0424 is counted here.',
    ]);
  });

  it('names the cause of an approximation in codes: who was divided when, over whom (in code order), and whether this successor counts it', () => {
    const changes = [
      change('2016-01-01', 'GM0381', 'GM1942', 'MERGED_INTO_NEW'),
      change('2016-01-01', 'GM0424', 'GM1942', 'MERGED_INTO_NEW'),
      change('2016-01-01', 'GM0424', 'GM0457', 'BOUNDARY_CORRECTION_PART', null, 'Bloemendalerpolder'),
    ];
    const figures = new Map([
      ['GM0381', 32_870],
      ['GM0424', 6_249],
      ['GM0457', 18_348],
    ]);
    const taken = (code: string) =>
      territoryPopulation({ code, referenceDate: '2015-01-01', asOf: '2016-01-01', figures, changes });
    const muiden = { oldCode: 'GM0424', effectiveDate: '2016-01-01', successorCodes: ['GM0457', 'GM1942'] };
    expect(taken('GM1942').causes).toEqual([{ ...muiden, successorCode: 'GM1942', main: true, source: null }]);
    expect(taken('GM0457').causes).toEqual([
      { ...muiden, successorCode: 'GM0457', main: false, source: 'Bloemendalerpolder' },
    ]);
    expect(taken('GM0457').components).toEqual([
      expect.objectContaining({ code: 'GM0457', approximate: false, note: null, causes: [] }),
      expect.objectContaining({ code: 'GM0424', approximate: true, causes: taken('GM0457').causes }),
    ]);
  });

  it('an exact territory has no causes and no notes', () => {
    const result = territoryPopulation({
      code: 'GM1966',
      referenceDate: '2018-01-01',
      asOf: '2019-01-01',
      figures: FIGURES_2018,
      changes: HET_HOGELAND_2019,
    });
    expect(result).toMatchObject({ approximate: false, notes: [], causes: [] });
  });

  it('carries a cause along a later rename: the territory of the new code inherits the approximation', () => {
    const changes = [
      change('2015-01-01', 'GM9001', 'GM9002', 'ABSORBED_BY_EXISTING'),
      change('2015-01-01', 'GM9001', 'GM9003', 'SPLIT_PART'),
      change('2016-01-01', 'GM9002', 'GM9004', 'RENAMED_NEW_CODE'),
    ];
    const figures = new Map([
      ['GM9001', 1_000],
      ['GM9002', 5_000],
    ]);
    const result = territoryPopulation({
      code: 'GM9004',
      referenceDate: '2014-01-01',
      asOf: '2016-01-01',
      figures,
      changes,
    });
    expect(result).toMatchObject({ inhabitants: 6_000, approximate: true });
    expect(result.causes).toEqual([
      {
        oldCode: 'GM9001',
        effectiveDate: '2015-01-01',
        successorCode: 'GM9002',
        successorCodes: ['GM9002', 'GM9003'],
        main: true,
        source: null,
      },
    ]);
    expect(result.components.find((c) => c.code === 'GM9002')).toMatchObject({ approximate: false, causes: [] });
  });

  it('a split with no known share on either side is approximate for both sides (Maasdonk 2015)', () => {
    const changes = [
      change('2015-01-01', 'GM1671', 'GM0796', 'SPLIT_PART', null, "Nuland and Vinkel to 's-Hertogenbosch"),
      change('2015-01-01', 'GM1671', 'GM0828', 'SPLIT_PART'),
    ];
    const figures = new Map([
      ['GM0796', 143_733],
      ['GM0828', 84_954],
      ['GM1671', 11_242],
    ]);
    const denBosch = territoryPopulation({
      code: 'GM0796',
      referenceDate: '2014-01-01',
      asOf: '2015-01-01',
      figures,
      changes,
    });
    expect(denBosch).toMatchObject({ inhabitants: 143_733, approximate: true });
    expect(denBosch.notes).toEqual([
      "GM1671 was divided on 2015-01-01 between GM0796 and GM0828 with no known address share; the part that went to GM0796 is not counted (Nuland and Vinkel to 's-Hertogenbosch).",
    ]);
    expect(denBosch.causes).toEqual([
      {
        oldCode: 'GM1671',
        effectiveDate: '2015-01-01',
        successorCode: 'GM0796',
        successorCodes: ['GM0796', 'GM0828'],
        main: false,
        source: "Nuland and Vinkel to 's-Hertogenbosch",
      },
    ]);
    const oss = territoryPopulation({
      code: 'GM0828',
      referenceDate: '2014-01-01',
      asOf: '2015-01-01',
      figures,
      changes,
    });
    expect(oss).toMatchObject({ inhabitants: 84_954, approximate: true });
    expect(oss.causes).toEqual([expect.objectContaining({ successorCode: 'GM0828', main: false, source: null })]);
  });

  it('reports a territory part without a CBS figure instead of counting zero silently', () => {
    const changes = [change('2019-01-01', 'GM9001', 'GM9002', 'MERGED_INTO_NEW', '1.0')];
    const result = territoryPopulation({
      code: 'GM9002',
      referenceDate: '2018-01-01',
      asOf: '2019-01-01',
      figures: new Map(),
      changes,
    });
    expect(result.missingFigures).toEqual(['GM9001']);
  });

  it('refuses a territory date before the reference date', () => {
    expect(() =>
      territoryPopulation({
        code: 'GM1966',
        referenceDate: '2019-01-01',
        asOf: '2018-01-01',
        figures: FIGURES_2018,
        changes: [],
      }),
    ).toThrow(RangeError);
  });
});
