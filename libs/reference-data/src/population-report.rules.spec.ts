import type { ValidRow } from './population-import.rules';
import { figureKey, nationalTotals, populationChanges } from './population-report.rules';

// Made-up figures (test data).
const LOADED = new Map([
  [figureKey('GM0106', 2024), 69_000],
  [figureKey('GM0014', 2024), 240_000],
  [figureKey('GM0106', 2025), 69_500],
]);
const ROWS: ValidRow[] = [
  { line: 2, code: 'GM0106', year: 2025, population: 70_000 },
  { line: 3, code: 'GM0014', year: 2025, population: 241_000 },
  { line: 4, code: 'GM0106', year: 2024, population: 69_000 },
];
const NAMES: Record<string, string> = { GM0106: 'Assen', GM0014: 'Groningen' };

describe('what a population file changes', () => {
  it('lists new and changed figures with the loaded one beside them; an equal figure is no change', () => {
    expect(populationChanges(ROWS, LOADED, (code) => NAMES[code])).toEqual([
      { code: 'GM0014', name: 'Groningen', year: 2025, previous: null, population: 241_000 },
      { code: 'GM0106', name: 'Assen', year: 2025, previous: 69_500, population: 70_000 },
    ]);
  });

  it('the same file again changes nothing', () => {
    const after = new Map(LOADED);
    for (const row of ROWS) after.set(figureKey(row.code, row.year), row.population);
    expect(populationChanges(ROWS, after, (code) => NAMES[code])).toEqual([]);
  });

  it('gives each year its national total after the import, beside the year before', () => {
    expect(nationalTotals(ROWS, LOADED)).toEqual([
      { year: 2024, total: 309_000, previousYear: null, municipalities: 2 },
      { year: 2025, total: 311_000, previousYear: 309_000, municipalities: 2 },
    ]);
  });
});
