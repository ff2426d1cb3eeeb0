import type { ValidRow } from './population-import.rules';

/** A figure the import sets: new (previous null) or changed. Equal figures are no change. */
export interface PopulationChange {
  code: string;
  name: string;
  year: number;
  previous: number | null;
  population: number;
}

/** A year of the file: the national total it gives, beside the previous year's (as loaded, or as the file sets it). */
export interface NationalTotal {
  year: number;
  total: number;
  previousYear: number | null;
  /** How many municipalities have a figure for the year after the import. */
  municipalities: number;
}

/** The key of a figure: code and year. */
export const figureKey = (code: string, year: number) => `${code}/${year}`;

/** The figures the file changes, by year and code, with what was loaded before. */
export function populationChanges(
  rows: readonly ValidRow[],
  loaded: ReadonlyMap<string, number>,
  nameOf: (code: string) => string,
): PopulationChange[] {
  return rows
    .filter((row) => loaded.get(figureKey(row.code, row.year)) !== row.population)
    .map((row) => ({
      code: row.code,
      name: nameOf(row.code),
      year: row.year,
      previous: loaded.get(figureKey(row.code, row.year)) ?? null,
      population: row.population,
    }))
    .sort((a, b) => a.year - b.year || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The national total of every year in the file after the import, and of the year before it:
 * the loaded figures of a year, with those the file sets in their place (`loaded` holds every
 * loaded figure of those years, keyed by figureKey).
 */
export function nationalTotals(rows: readonly ValidRow[], loaded: ReadonlyMap<string, number>): NationalTotal[] {
  const after = new Map(loaded);
  for (const row of rows) after.set(figureKey(row.code, row.year), row.population);
  const perYear = new Map<number, { total: number; municipalities: number }>();
  for (const [key, population] of after) {
    const year = Number(key.slice(key.indexOf('/') + 1));
    const sum = perYear.get(year) ?? { total: 0, municipalities: 0 };
    perYear.set(year, { total: sum.total + population, municipalities: sum.municipalities + 1 });
  }
  return [...new Set(rows.map((row) => row.year))]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      total: perYear.get(year)!.total,
      previousYear: perYear.get(year - 1)?.total ?? null,
      municipalities: perYear.get(year)!.municipalities,
    }));
}
