import { ImportProgress, KnownMunicipality, validatePopulationFile, yearCoverage } from './population-import.rules';
import { PopulationImportError } from './reference-data.errors';

const KNOWN = new Map<string, KnownMunicipality>([
  ['GM0106', { name: 'Assen', validFrom: null, validTo: null }],
  ['GM0053', { name: 'Winsum', validFrom: null, validTo: '2018-12-31' }],
  ['GM1966', { name: 'Het Hogeland', validFrom: '2019-01-01', validTo: null }],
]);

const rowErrorsOf = (csv: string): PopulationImportError['rowErrors'] => {
  try {
    validatePopulationFile(csv, KNOWN, 2025);
  } catch (error) {
    if (error instanceof PopulationImportError) return error.rowErrors;
    throw error;
  }
  throw new Error('the file was accepted');
};

describe('checking a CBS population file', () => {
  it('accepts a valid file and reads each row as a figure on 1 January of its year', () => {
    const rows = validatePopulationFile('code,year,population\nGM0106,2025,70000\nGM1966,2019,47897\n', KNOWN, 2025);
    expect(rows).toEqual([
      { line: 2, code: 'GM0106', year: 2025, population: 70000 },
      { line: 3, code: 'GM1966', year: 2019, population: 47897 },
    ]);
  });

  it('reports every bad row with its line number and the reason', () => {
    expect(
      rowErrorsOf(
        [
          'code,year,population',
          'GM9999,2025,100',
          'GM0053,2020,13000',
          'GM0106,2025,-5',
          'GM0106,2024,12.5',
          'GM0106,2023,lots',
          'GM0106,2022,3000000000',
          'GM0106,1999,3',
          'GM0106,2025',
          'G0106,2025,3',
          'GM0106,20x5,3',
        ].join('\n'),
      ),
    ).toEqual([
      { line: 2, message: 'unknown municipality code GM9999' },
      { line: 3, message: 'wrong year: GM0053 (Winsum) did not exist on 1 January 2020' },
      { line: 4, message: 'population -5 is negative' },
      { line: 5, message: 'population 12.5 is not a whole number' },
      { line: 6, message: 'population "lots" is not a number' },
      { line: 7, message: 'population 3000000000 is too large' },
      { line: 8, message: 'year 1999 is out of range: figures are for 1 January 2014 to 2025' },
      { line: 9, message: 'expected 3 values (code,year,population), found 2' },
      { line: 10, message: '"G0106" is not a CBS municipality code (GM and four digits)' },
      { line: 11, message: 'year "20x5" is not a year' },
    ]);
  });

  it('refuses a figure for a year after the current one', () => {
    expect(rowErrorsOf('code,year,population\nGM0106,2026,70000\n')).toEqual([
      { line: 2, message: 'year 2026 is out of range: figures are for 1 January 2014 to 2025' },
    ]);
  });

  it('refuses a second figure for the same municipality and year, naming the first line', () => {
    expect(rowErrorsOf('code,year,population\nGM0106,2025,70000\nGM0106,2025,70001\n')).toEqual([
      { line: 3, message: 'duplicate: GM0106 for 2025 is already on line 2' },
    ]);
  });

  it('refuses a file without the header, or with nothing after it', () => {
    expect(rowErrorsOf('GM0106,2025,70000\n')).toEqual([
      { line: 1, message: 'the first line must be the header "code,year,population"' },
    ]);
    expect(rowErrorsOf('code,year,population\n')).toEqual([
      { line: 1, message: 'the file has no rows after the header' },
    ]);
  });

  it('reports the rows it checked, also when some are bad', () => {
    const progress: ImportProgress[] = [];
    expect(() =>
      validatePopulationFile('code,year,population\nGM0106,2025,1\nGM9999,2025,1\n', KNOWN, 2025, (p) =>
        progress.push(p),
      ),
    ).toThrow(PopulationImportError);
    expect(progress).toEqual([{ phase: 'validate', done: 2, total: 2 }]);
  });
});

describe('coverage of the years in a file', () => {
  it('counts the rows of each year against the municipalities existing on its 1 January', () => {
    const rows = [
      { line: 2, code: 'GM0106', year: 2019, population: 1 },
      { line: 3, code: 'GM0106', year: 2018, population: 1 },
      { line: 4, code: 'GM0053', year: 2018, population: 1 },
    ];
    expect(yearCoverage(rows, KNOWN)).toEqual([
      { year: 2018, rows: 2, municipalities: 2 },
      { year: 2019, rows: 1, municipalities: 2 },
    ]);
  });
});
