import { decodeUpload } from '@wmo/common';
import { readPopulationRecords } from './population-file.rules';
import { KnownMunicipality, validatePopulationFile } from './population-import.rules';
import { PopulationImportError } from './reference-data.errors';

// The figures in this file are made up (test data), in the shape CBS StatLine exports table 03759ned.
const STATLINE = [
  '"ID";"Geslacht";"Leeftijd";"RegioS";"Perioden";"BevolkingOp1Januari_1";"GemiddeldeBevolking_2"',
  '"0";"T001038";"10000";"NL01      ";"2025JJ00";"  18000000";"  18050000"',
  '"1";"T001038";"10000";"PV20      ";"2025JJ00";"    600000";"    600500"',
  '"2";"T001038";"10000";"GM0014    ";"2025JJ00";"    240000";"    240500"',
  '"3";"T001038";"10000";"GM0106    ";"2025JJ00";"     70000";"     70100"',
].join('\r\n');

const KNOWN = new Map<string, KnownMunicipality>([
  ['GM0014', { name: 'Groningen', validFrom: null, validTo: null }],
  ['GM0106', { name: 'Assen', validFrom: null, validTo: null }],
]);

function problemsOf(read: () => unknown): PopulationImportError['rowErrors'] {
  try {
    read();
  } catch (error) {
    if (error instanceof PopulationImportError) return error.rowErrors;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('reading a population file in either format', () => {
  it('reads a CBS StatLine export: padded region codes, 2025JJ00 as 2025, the 1 January column; the country and provinces are skipped', () => {
    const read = readPopulationRecords(STATLINE);
    expect(read).toEqual({
      format: 'CBS StatLine',
      records: [
        { line: 4, code: 'GM0014', year: '2025', population: '240000' },
        { line: 5, code: 'GM0106', year: '2025', population: '70000' },
      ],
      problems: [],
      skippedRegions: 2,
    });
    expect(validatePopulationFile(STATLINE, KNOWN, 2026)).toEqual([
      { line: 4, code: 'GM0014', year: 2025, population: 240000 },
      { line: 5, code: 'GM0106', year: 2025, population: 70000 },
    ]);
  });

  it("reads the project's own format as before", () => {
    expect(readPopulationRecords('code,year,population\nGM0106,2025,70000\n')).toEqual({
      format: 'code,year,population',
      records: [{ line: 2, code: 'GM0106', year: '2025', population: '70000' }],
      problems: [],
      skippedRegions: 0,
    });
  });

  it('names the StatLine columns it misses, with what the header has', () => {
    expect(
      problemsOf(() => readPopulationRecords('"RegioS";"Perioden";"GemiddeldeBevolking_2"\n"GM0106";"2025JJ00";"1"')),
    ).toEqual([
      {
        line: 1,
        message:
          'a CBS StatLine export needs a column for the population on 1 January ("BevolkingOp1Januari"); the header has "RegioS"; "Perioden"; "GemiddeldeBevolking_2"',
      },
    ]);
  });

  it('reports a period that is no year and a missing figure (".") with their lines, and every other problem of the file with them', () => {
    const file = [
      '"RegioS";"Perioden";"BevolkingOp1Januari_1"',
      '"GM0106    ";"2025MM01";"70000"',
      '"GM0014    ";"2025JJ00";"."',
      '"GM9999    ";"2025JJ00";"100"',
      '"GM0106    ";"2025JJ00";"-4"',
    ].join('\n');
    expect(problemsOf(() => validatePopulationFile(file, KNOWN, 2026))).toEqual([
      { line: 2, message: 'period "2025MM01" is not a year (CBS writes 1 January 2025 as 2025JJ00)' },
      { line: 3, message: 'no figure for GM0014 in 2025 (CBS marks a missing figure with ".")' },
      { line: 4, message: 'unknown municipality code GM9999' },
      { line: 5, message: 'population -4 is negative' },
    ]);
  });

  it('refuses an empty file, and a file with another separator (tabs) by its header', () => {
    expect(problemsOf(() => readPopulationRecords(''))).toEqual([{ line: 1, message: 'the file is empty' }]);
    expect(problemsOf(() => readPopulationRecords('code\tyear\tpopulation\nGM0106\t2025\t70000\n'))).toEqual([
      { line: 1, message: 'the first line must be the header "code,year,population"' },
    ]);
  });
});

describe('decoding an uploaded file', () => {
  it('reads UTF-8, with or without a byte-order mark (which it drops)', () => {
    expect(decodeUpload(Buffer.from('\uFEFFFryslân', 'utf8'))).toBe('Fryslân');
    expect(decodeUpload(Buffer.from('Fryslân', 'utf8'))).toBe('Fryslân');
  });

  it('reads Windows-1252 when the bytes are not UTF-8: "Fryslân" with â as the byte E2', () => {
    expect(decodeUpload(Buffer.from([0x46, 0x72, 0x79, 0x73, 0x6c, 0xe2, 0x6e]))).toBe('Fryslân');
  });
});
