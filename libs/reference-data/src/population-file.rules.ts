import { CsvRecord, readCsvRecords } from '@wmo/common';
import { ImportRowError, PopulationImportError } from './reference-data.errors';

/** One data row of a population file as written, before any check: the figure of `code` on 1 January of `year`. */
export interface PopulationRecord {
  line: number;
  code: string;
  year: string;
  population: string;
}

export type PopulationFileFormat = 'code,year,population' | 'CBS StatLine';

export interface PopulationRecords {
  format: PopulationFileFormat;
  records: PopulationRecord[];
  /** Rows that could not be read (a value too few, a period that is no year), each with its line. */
  problems: ImportRowError[];
  /** StatLine rows for regions that are not municipalities (the country, provinces, COROP areas): not read. */
  skippedRegions: number;
}

const PROJECT_HEADER = ['code', 'year', 'population'];

/** The file's records, or a refusal with the line where it could not be read. */
function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const read = readCsvRecords(text, delimiter);
  if ('problem' in read) throw new PopulationImportError([read.problem]);
  return read.records;
}

/**
 * Reads the rows of a population file in either of the two formats it may come in, liberal in
 * what it reads: the project's own `code,year,population`, or the CSV that CBS StatLine exports
 * for its population tables (semicolon-separated, quoted headers, region codes padded with spaces
 * such as `"GM0014    "`, periods such as `2025JJ00`, and a column named after the measure, such
 * as `BevolkingOp1Januari_1`). Whether the values are acceptable is checked afterwards, strictly
 * (validatePopulationFile); here only the shape of the file is: a file that cannot be read at all
 * is refused (PopulationImportError), a row that cannot be read is returned as a problem.
 */
export function readPopulationRecords(text: string): PopulationRecords {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') throw new PopulationImportError([{ line: 1, message: 'the file is empty' }]);
  return firstLine.includes(';') ? statLineRecords(parseCsv(text, ';')) : projectRecords(parseCsv(text, ','));
}

function projectRecords([header, ...data]: CsvRecord[]): PopulationRecords {
  if (!header || header.values.map((cell) => cell.toLowerCase()).join(',') !== PROJECT_HEADER.join(',')) {
    throw new PopulationImportError([
      {
        line: header?.line ?? 1,
        message: `the first line must be the header "${PROJECT_HEADER.join(',')}"`,
      },
    ]);
  }
  noRowsAfter(header, data);
  const problems: ImportRowError[] = [];
  const records: PopulationRecord[] = [];
  for (const { values: record, line } of data) {
    if (record.length !== PROJECT_HEADER.length) {
      problems.push({ line, message: `expected 3 values (code,year,population), found ${record.length}` });
      continue;
    }
    const [code, year, population] = record;
    records.push({ line, code, year, population });
  }
  return { format: 'code,year,population', records, problems, skippedRegions: 0 };
}

/** The StatLine columns a population file is read from, found by their names in the header. */
function statLineColumns(header: CsvRecord): { region: number; period: number; measure: number } {
  const names = header.values;
  const find = (pattern: RegExp) => names.findIndex((name) => pattern.test(name));
  const region = find(/^regio/i);
  const period = find(/^perioden?$/i);
  const januaryFirst = find(/bevolking.*(op ?1 ?januari|1 januari)|op1januari/i);
  const measure = januaryFirst >= 0 ? januaryFirst : find(/^(totale )?bevolking/i);
  const missing = [
    region < 0 ? 'the regions ("RegioS")' : null,
    period < 0 ? 'the periods ("Perioden")' : null,
    measure < 0 ? 'the population on 1 January ("BevolkingOp1Januari")' : null,
  ].filter((what) => what !== null);
  if (missing.length) {
    throw new PopulationImportError([
      {
        line: header.line,
        message: `a CBS StatLine export needs a column for ${missing.join(', ')}; the header has ${names.map((n) => `"${n}"`).join('; ')}`,
      },
    ]);
  }
  return { region, period, measure };
}

function statLineRecords([header, ...data]: CsvRecord[]): PopulationRecords {
  const columns = statLineColumns(header);
  noRowsAfter(header, data);
  const problems: ImportRowError[] = [];
  const records: PopulationRecord[] = [];
  let skippedRegions = 0;
  const width = Math.max(columns.region, columns.period, columns.measure) + 1;
  for (const { values: record, line } of data) {
    if (record.length < width) {
      problems.push({ line, message: `expected at least ${width} values separated by ";", found ${record.length}` });
      continue;
    }
    const region = record[columns.region].trim();
    if (!/^GM/i.test(region)) {
      skippedRegions++;
      continue;
    }
    const period = record[columns.period].trim();
    const year = /^(\d{4})JJ00$/i.exec(period)?.[1] ?? (/^\d{4}$/.test(period) ? period : null);
    if (year === null) {
      problems.push({ line, message: `period "${period}" is not a year (CBS writes 1 January 2025 as 2025JJ00)` });
      continue;
    }
    const population = record[columns.measure].trim();
    if (population === '.' || population === '') {
      problems.push({ line, message: `no figure for ${region} in ${year} (CBS marks a missing figure with ".")` });
      continue;
    }
    records.push({ line, code: region.toUpperCase(), year, population });
  }
  return { format: 'CBS StatLine', records, problems, skippedRegions };
}

function noRowsAfter(header: CsvRecord, data: readonly CsvRecord[]): void {
  if (data.length === 0)
    throw new PopulationImportError([{ line: header.line, message: 'the file has no rows after the header' }]);
}
