import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import type { PopulationRecord } from './bundled-reference-data';
import type { PopulationFigure } from './reference-data.types';

/** A row of an imported CBS file: the figure on 1 January of `year`. */
export interface ImportedFigure {
  code: string;
  year: number;
  population: number;
}

@Injectable()
export class PopulationFigureRepository {
  /** The figures on these reference dates, of these municipalities (all when not given), by date and code. */
  onDates(tx: Transaction, referenceDates: readonly IsoDate[], codes?: readonly string[]): Promise<PopulationFigure[]> {
    return tx.manager.query<PopulationFigure[]>(
      `SELECT reference_date AS "referenceDate", municipality_code AS code, inhabitants
         FROM population_figure
        WHERE reference_date = ANY($1::date[]) AND ($2::varchar[] IS NULL OR municipality_code = ANY($2))
        ORDER BY reference_date, municipality_code`,
      [referenceDates, codes ?? null],
    );
  }

  async existOn(tx: Transaction, referenceDate: IsoDate): Promise<boolean> {
    const [{ exists }] = await tx.manager.query<[{ exists: boolean }]>(
      `SELECT EXISTS (SELECT 1 FROM population_figure WHERE reference_date = $1::date) AS "exists"`,
      [referenceDate],
    );
    return exists;
  }

  /** Every reference date with at least one figure, in order. */
  async referenceDates(tx: Transaction): Promise<IsoDate[]> {
    const rows = await tx.manager.query<Array<{ date: IsoDate }>>(
      `SELECT DISTINCT reference_date AS date FROM population_figure ORDER BY 1`,
    );
    return rows.map((row) => row.date);
  }

  /** The bundled figures: every row is upserted. */
  async upsertBundled(tx: Transaction, population: readonly PopulationRecord[]): Promise<void> {
    await tx.manager.query(
      `INSERT INTO population_figure (municipality_code, reference_date, inhabitants, source)
     SELECT * FROM unnest($1::varchar[], $2::date[], $3::integer[], $4::varchar[])
     ON CONFLICT (municipality_code, reference_date) DO UPDATE SET inhabitants = EXCLUDED.inhabitants, source = EXCLUDED.source`,
      [
        population.map((p) => p.municipalityCode),
        population.map((p) => p.referenceDate),
        population.map((p) => p.inhabitants),
        population.map((p) => p.source),
      ],
    );
  }

  /**
   * An imported batch: new figures are inserted, changed ones updated (with the new source), equal
   * ones left alone. Returns how many rows were inserted and how many updated.
   */
  async upsertImported(
    tx: Transaction,
    batch: readonly ImportedFigure[],
    source: string,
  ): Promise<{ inserted: number; updated: number }> {
    const written = await tx.manager.query<Array<{ inserted: boolean }>>(
      `INSERT INTO population_figure (municipality_code, reference_date, inhabitants, source)
           SELECT code, make_date(year, 1, 1), inhabitants, $4
             FROM unnest($1::varchar[], $2::int[], $3::int[]) AS t(code, year, inhabitants)
           ON CONFLICT (municipality_code, reference_date) DO UPDATE
              SET inhabitants = EXCLUDED.inhabitants, source = EXCLUDED.source
            WHERE population_figure.inhabitants IS DISTINCT FROM EXCLUDED.inhabitants
           RETURNING (xmax = 0) AS inserted`,
      [batch.map((row) => row.code), batch.map((row) => row.year), batch.map((row) => row.population), source],
    );
    const inserted = written.filter((row) => row.inserted).length;
    return { inserted, updated: written.length - inserted };
  }

  /** Imports wait for one another: the lock is held until the transaction ends (the import function takes it too). */
  async lockImports(tx: Transaction): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('population-import', 7))`);
  }

  /**
   * An operator's import through the API: written by the database function that alone may write
   * figures for the application role (it checks the operator; migration PopulationImportFunction).
   */
  async importAsOperator(
    tx: Transaction,
    rows: readonly ImportedFigure[],
    source: string,
  ): Promise<{ inserted: number; updated: number }> {
    const [written] = await tx.manager.query<[{ inserted: number; updated: number }]>(
      `SELECT inserted_count AS inserted, updated_count AS updated
         FROM import_population_figures($1::varchar[], $2::int[], $3::int[], $4::varchar)`,
      [rows.map((row) => row.code), rows.map((row) => row.year), rows.map((row) => row.population), source],
    );
    return written;
  }

  /** Runs `work` (which may import figures) and undoes what it wrote: a dry run that sees what an import would do. */
  async undone<T>(tx: Transaction, work: () => Promise<T>): Promise<T> {
    await tx.manager.query('SAVEPOINT population_dry_run');
    try {
      return await work();
    } finally {
      await tx.manager.query('ROLLBACK TO SAVEPOINT population_dry_run');
    }
  }

  /** The national total on each of these reference dates (sum over every municipality with a figure). */
  async nationalTotals(tx: Transaction, referenceDates: readonly IsoDate[]): Promise<Map<IsoDate, number>> {
    const rows = await tx.manager.query<Array<{ date: IsoDate; total: number }>>(
      `SELECT reference_date AS date, sum(inhabitants)::int AS total
         FROM population_figure WHERE reference_date = ANY($1::date[]) GROUP BY reference_date`,
      [referenceDates],
    );
    return new Map(rows.map((row) => [row.date, row.total]));
  }
}
