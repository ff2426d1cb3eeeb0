import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { firstOfJanuary, isValidOn, todayInAmsterdam, Validity, yearOf } from '@wmo/domain';
import { MUNICIPALITY_CODE_PATTERN } from './dto/municipality-code.param';
import { REFRESH_MUNICIPALITY_DETAIL } from './municipality-detail.view';
import { FIRST_DATA_YEAR } from './reference-years';

export interface ImportRowError {
  line: number;
  message: string;
}

export interface ImportProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
}

export interface PopulationImportResult {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Per year in the file: how many rows it had and how many municipalities existed then. */
  years: Array<{ year: number; rows: number; municipalities: number }>;
}

export class PopulationImportError extends Error {
  constructor(readonly rowErrors: ImportRowError[]) {
    super(
      `The file was not imported: ${rowErrors.length} problem(s) found, nothing was written.\n` +
        rowErrors.map((error) => `  line ${error.line}: ${error.message}`).join('\n'),
    );
    this.name = 'PopulationImportError';
  }
}

interface ValidRow {
  line: number;
  code: string;
  year: number;
  population: number;
}

interface KnownMunicipality extends Validity {
  name: string;
}

const HEADER = ['code', 'year', 'population'];
const BATCH_SIZE = 1000;
const MAX_INHABITANTS = 2_147_483_647;

/**
 * Imports a new CBS population file (`code,year,population`, the figure on 1 January of `year`).
 * Every row is checked first and every problem reported with its line number; only a file without
 * a single problem is written, in one transaction, so a half-imported year cannot exist.
 */
@Injectable()
export class PopulationImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async import(
    csv: string | Buffer,
    options: { source: string; dryRun?: boolean; onProgress?: (progress: ImportProgress) => void },
  ): Promise<PopulationImportResult> {
    const known = await this.knownMunicipalities();
    const rows = this.validate(csv, known, options.onProgress);
    const years = [...new Set(rows.map((row) => row.year))].sort().map((year) => ({
      year,
      rows: rows.filter((row) => row.year === year).length,
      municipalities: [...known.values()].filter((m) => isValidOn(m, firstOfJanuary(year))).length,
    }));
    if (options.dryRun) return { rows: rows.length, inserted: 0, updated: 0, unchanged: rows.length, years };

    let inserted = 0;
    let updated = 0;
    await this.dataSource.transaction(async (manager) => {
      for (let start = 0; start < rows.length; start += BATCH_SIZE) {
        const batch = rows.slice(start, start + BATCH_SIZE);
        const written = await manager.query<Array<{ inserted: boolean }>>(
          `INSERT INTO population_figure (municipality_code, reference_date, inhabitants, source)
           SELECT code, make_date(year, 1, 1), inhabitants, $4
             FROM unnest($1::varchar[], $2::int[], $3::int[]) AS t(code, year, inhabitants)
           ON CONFLICT (municipality_code, reference_date) DO UPDATE
              SET inhabitants = EXCLUDED.inhabitants, source = EXCLUDED.source
            WHERE population_figure.inhabitants IS DISTINCT FROM EXCLUDED.inhabitants
           RETURNING (xmax = 0) AS inserted`,
          [
            batch.map((row) => row.code),
            batch.map((row) => row.year),
            batch.map((row) => row.population),
            options.source,
          ],
        );
        inserted += written.filter((row) => row.inserted).length;
        updated += written.filter((row) => !row.inserted).length;
        options.onProgress?.({ phase: 'write', done: Math.min(start + BATCH_SIZE, rows.length), total: rows.length });
      }
      await manager.query(REFRESH_MUNICIPALITY_DETAIL);
    });
    return { rows: rows.length, inserted, updated, unchanged: rows.length - inserted - updated, years };
  }

  private validate(
    csv: string | Buffer,
    known: Map<string, KnownMunicipality>,
    onProgress?: (progress: ImportProgress) => void,
  ): ValidRow[] {
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
      records = parse(csv, {
        bom: true,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }) as unknown as typeof records;
    } catch (error) {
      throw new PopulationImportError([
        {
          line: (error as { lines?: number }).lines ?? 1,
          message: `not a readable CSV file: ${(error as Error).message}`,
        },
      ]);
    }
    const [header, ...data] = records;
    if (!header || header.record.map((cell) => cell.toLowerCase()).join(',') !== HEADER.join(',')) {
      throw new PopulationImportError([
        { line: header?.info.lines ?? 1, message: `the first line must be the header "${HEADER.join(',')}"` },
      ]);
    }
    if (data.length === 0)
      throw new PopulationImportError([{ line: header.info.lines, message: 'the file has no rows after the header' }]);

    const lastYear = yearOf(todayInAmsterdam());
    const errors: ImportRowError[] = [];
    const valid: ValidRow[] = [];
    const seen = new Map<string, number>();
    data.forEach(({ record, info }) => {
      const line = info.lines;
      const problem = (message: string) => errors.push({ line, message });
      if (record.length !== HEADER.length)
        return problem(`expected 3 values (code,year,population), found ${record.length}`);
      const [code, yearText, populationText] = record;

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
    onProgress?.({ phase: 'validate', done: data.length, total: data.length });
    if (errors.length) throw new PopulationImportError(errors);
    return valid;
  }

  private async knownMunicipalities(): Promise<Map<string, KnownMunicipality>> {
    const rows = await this.dataSource.query<Array<KnownMunicipality & { code: string }>>(
      `SELECT code, name, valid_from AS "validFrom", valid_to AS "validTo" FROM municipality`,
    );
    return new Map(rows.map(({ code, ...rest }) => [code, rest]));
  }
}
