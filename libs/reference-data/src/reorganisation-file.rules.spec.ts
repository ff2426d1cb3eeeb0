import { checkReorganisationFile, LoadedMunicipality } from './reorganisation-file.rules';

// Made-up test data: codes and names below are real CBS codes, the reorganisations are invented.
const LOADED = new Map<string, LoadedMunicipality>([
  ['GM0088', { name: 'Schiermonnikoog', provinceCode: 'PV21', validFrom: null, validTo: null }],
  ['GM0080', { name: 'Leeuwarden', provinceCode: 'PV21', validFrom: null, validTo: null }],
  ['GM0059', { name: 'Achtkarspelen', provinceCode: 'PV21', validFrom: null, validTo: null }],
  ['GM1999', { name: 'Eilanden', provinceCode: 'PV21', validFrom: '2027-01-01', validTo: null }],
]);
const PROVINCES = new Set(['PV21', 'PV22']);
const YEARS = { first: 2015, last: 2027 };
const HEADER =
  'effective_date,old_code,new_code,new_name,new_province_code,relation,share_of_old_addresses,evidence_source';
const check = (...rows: string[]) => checkReorganisationFile([HEADER, ...rows].join('\n'), LOADED, PROVINCES, YEARS);

describe('checkReorganisationFile', () => {
  it('a split whose shares add up to exactly 1 ends the old municipality; a boundary correction does not', () => {
    const split = check(
      '2027-01-01,GM0088,GM0080,,,split_part,0.6,law',
      '2027-01-01,GM0088,GM0059,,,split_part,0.4000,law',
    );
    expect(split.problems).toEqual([]);
    expect(split.checked?.ended).toEqual([{ code: 'GM0088', name: 'Schiermonnikoog' }]);
    const part = check('2027-01-01,GM0088,GM0080,,,boundary_correction_part,0.01,law');
    expect(part.checked?.ended).toEqual([]);
  });

  it('absorbed_by_existing needs an existing municipality, merged_into_new and renamed_new_code a new code', () => {
    expect(check('2027-01-01,GM0088,GM1234,Nieuw,PV21,absorbed_by_existing,,law').problems).toEqual([
      { line: 2, message: 'new_code GM1234 does not exist yet: absorbed_by_existing needs an existing municipality' },
    ]);
    expect(check('2027-01-01,GM0088,GM0080,,,renamed_new_code,,law').problems).toEqual([
      { line: 2, message: 'new_code GM0080 exists already (Leeuwarden): renamed_new_code needs a new code' },
    ]);
  });

  it('a new code started on this very date (the file applied before) counts as new, with its loaded name and province', () => {
    const again = check('2027-01-01,GM0088,GM1999,,,merged_into_new,,law');
    expect(again.problems).toEqual([]);
    expect(again.checked?.started).toEqual([{ code: 'GM1999', name: 'Eilanden', provinceCode: 'PV21' }]);
  });

  it('a municipality that goes whole to two others, or both whole and split, is refused', () => {
    expect(
      check(
        '2027-01-01,GM0088,GM0080,,,absorbed_by_existing,,law',
        '2027-01-01,GM0088,GM0059,,,absorbed_by_existing,,law',
      ).problems,
    ).toEqual([
      {
        line: 3,
        message:
          'GM0088 goes whole to GM0080 and GM0059: a municipality split over several others is listed with split_part and its shares',
      },
    ]);
  });

  it('a municipality that ends cannot receive a part on the same day', () => {
    expect(
      check(
        '2027-01-01,GM0088,GM0080,,,absorbed_by_existing,,law',
        '2027-01-01,GM0059,GM0088,,,boundary_correction_part,0.1,law',
      ).problems,
    ).toEqual([{ line: 2, message: 'GM0088 ends on 2027-01-01 and cannot receive a part on that day' }]);
  });
});
