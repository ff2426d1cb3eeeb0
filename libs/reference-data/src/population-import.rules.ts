import { firstOfJanuary, isValidOn, Validity } from '@wmo/domain';
import { MUNICIPALITY_CODE_PATTERN } from './dto/municipality-code.param';
import { decodeUpload } from '@wmo/common';
import { PopulationFileFormat, readPopulationRecords } from './population-file.rules';
import { ImportRowError, PopulationImportError } from './reference-data.errors';
import { FIRST_DATA_YEAR } from './reference-years';

export interface ImportProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
}

export interface KnownMunicipality extends Validity {
  name: string;
}

/** A checked row of a population file: the figure of `code` on 1 January of `year`. */
export interface ValidRow {
  line: number;
  code: string;
  year: number;
  population: number;
}

export interface YearCoverage {
  year: number;
  rows: number;
  /** How many municipalities existed on 1 January of that year. */
  municipalities: number;
}

const MAX_INHABITANTS = 2_147_483_647;

/**
 * Checks a CBS population file (`code,year,population` or a CBS StatLine export, see
 * readPopulationRecords; the figure on 1 January of `year`) against
 * the known municipalities: every problem is reported with its line number, and a file with a
 * single problem is refused as a whole (PopulationImportError). `lastYear` is the latest year a
 * figure may be for (the current one).
 */
export function validatePopulationFile(
  csv: string | Buffer,
  known: ReadonlyMap<string, KnownMunicipality>,
  lastYear: number,
  onProgress?: (progress: ImportProgress) => void,
): ValidRow[] {
  return checkPopulationFile(csv, known, lastYear, onProgress).rows;
}

/** A checked file: its format, the StatLine regions that are not municipalities (skipped), and its rows. */
export interface CheckedPopulationFile {
  format: PopulationFileFormat;
  skippedRegions: number;
  rows: ValidRow[];
}

/** validatePopulationFile, with what the report of an import shows besides the rows. */
export function checkPopulationFile(
  csv: string | Buffer,
  known: ReadonlyMap<string, KnownMunicipality>,
  lastYear: number,
  onProgress?: (progress: ImportProgress) => void,
): CheckedPopulationFile {
  const { format, records, problems, skippedRegions } = readPopulationRecords(decodeUpload(csv));
  const errors: ImportRowError[] = [...problems];
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  records.forEach(({ line, code, year: yearText, population: populationText }) => {
    const problem = (message: string) => errors.push({ line, message });

    if (!MUNICIPALITY_CODE_PATTERN.test(code))
      return problem(`"${code}" is not a CBS municipality code (GM and four digits)`);
    const municipality = known.get(code);
    if (!municipality) return problem(`unknown municipality code ${code}`);
    if (!/^\d{4}$/.test(yearText)) return problem(`year "${yearText}" is not a year`);
    const year = Number(yearText);
    if (year < FIRST_DATA_YEAR || year > lastYear) {
      return problem(`year ${year} is out of range: figures are for 1 January ${FIRST_DATA_YEAR} to ${lastYear}`);
    }
    if (!isValidOn(municipality, firstOfJanuary(year))) {
      return problem(`wrong year: ${code} (${municipality.name}) did not exist on 1 January ${year}`);
    }
    if (/^-\d+$/.test(populationText)) return problem(`population ${populationText} is negative`);
    if (/^\d+[.,]\d+$/.test(populationText)) return problem(`population ${populationText} is not a whole number`);
    if (!/^\d+$/.test(populationText)) return problem(`population "${populationText}" is not a number`);
    const population = Number(populationText);
    if (population > MAX_INHABITANTS) return problem(`population ${populationText} is too large`);

    const key = `${code}/${year}`;
    const first = seen.get(key);
    if (first !== undefined) return problem(`duplicate: ${code} for ${year} is already on line ${first}`);
    seen.set(key, line);
    valid.push({ line, code, year, population });
  });
  onProgress?.({ phase: 'validate', done: records.length, total: records.length });
  if (errors.length) throw new PopulationImportError(errors.sort((a, b) => a.line - b.line));
  return { format, skippedRegions, rows: valid };
}

/** Per year in the file: how many rows it has, and how many municipalities existed on 1 January of it. */
export function yearCoverage(rows: readonly ValidRow[], known: ReadonlyMap<string, KnownMunicipality>): YearCoverage[] {
  return [...new Set(rows.map((row) => row.year))].sort().map((year) => ({
    year,
    rows: rows.filter((row) => row.year === year).length,
    municipalities: [...known.values()].filter((m) => isValidOn(m, firstOfJanuary(year))).length,
  }));
}
