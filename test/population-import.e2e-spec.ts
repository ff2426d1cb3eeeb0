import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ImportProgress, PopulationImportError, PopulationImportService } from '@wmo/reference-data';
import { CliModule } from '../apps/cli/src/cli.module';
import { distEntry, runProcess } from './support/processes';
import { sql } from './support/test-database';
import { Client, startTestApp, TestApp } from './support/test-app';

describe('importing a new CBS population file', () => {
  let t: TestApp;
  let importer: PopulationImportService;
  let officer: Client;
  let cli: INestApplicationContext;
  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('officer.gm0106@demo.nl');
    // The import is the command line's, as the schema owner: the API's role may not write reference data.
    cli = await NestFactory.createApplicationContext(CliModule.forRoot(t.databaseUrl), { logger: false });
    importer = cli.get(PopulationImportService);
  });
  afterAll(async () => {
    await cli.close();
    await t.close();
  });

  const figureCount = async () =>
    Number((await sql<{ count: string }>(t.databaseUrl, 'SELECT count(*) FROM population_figure'))[0].count);

  it('reports every bad row with its line number and writes nothing', async () => {
    const before = await figureCount();
    const csv = [
      'code,year,population',
      'GM0106,2025,70000', // valid, but the file as a whole is not
      'GM9999,2025,100',
      'GM0053,2020,13000',
      'GM0014,2025,-5',
      'GM0014,2025,12.5',
      'GM0034,2025,lots',
      'GM0106,2025,70001',
      'GM0034,1999,3',
      'GM0034,2025',
      'G0034,2025,3',
    ].join('\n');
    const error: PopulationImportError = await importer.import(csv, { source: 'test' }).catch((e) => e);
    expect(error).toBeInstanceOf(PopulationImportError);
    expect(error.rowErrors).toEqual([
      { line: 3, message: 'unknown municipality code GM9999' },
      { line: 4, message: 'wrong year: GM0053 (Winsum) did not exist on 1 January 2020' },
      { line: 5, message: 'population -5 is negative' },
      { line: 6, message: 'population 12.5 is not a whole number' },
      { line: 7, message: 'population "lots" is not a number' },
      { line: 8, message: 'duplicate: GM0106 for 2025 is already on line 2' },
      { line: 9, message: expect.stringContaining('year 1999 is out of range') },
      { line: 10, message: 'expected 3 values (code,year,population), found 2' },
      { line: 11, message: '"G0034" is not a CBS municipality code (GM and four digits)' },
    ]);
    expect(await figureCount()).toBe(before);
  });

  it('refuses a file without the header or without rows', async () => {
    await expect(importer.import('GM0106,2025,70000\n', { source: 'test' })).rejects.toMatchObject({
      rowErrors: [{ line: 1, message: expect.stringContaining('header') }],
    });
    await expect(importer.import('code,year,population\n', { source: 'test' })).rejects.toMatchObject({
      rowErrors: [{ message: 'the file has no rows after the header' }],
    });
  });

  it('imports a valid file in one go, reports progress, and the API then serves the new figures', async () => {
    const progress: ImportProgress[] = [];
    const result = await importer.import(
      'code,year,population\nGM0106,2025,70000\nGM0014,2025,245000\nGM0106,2024,69702\n',
      {
        source: 'test file',
        onProgress: (p) => progress.push(p),
      },
    );
    expect(result).toMatchObject({ rows: 3, inserted: 2, updated: 1, unchanged: 0 });
    expect(result.years).toEqual([
      { year: 2024, rows: 1, municipalities: 342 },
      { year: 2025, rows: 2, municipalities: 342 },
    ]);
    expect(progress.at(-1)).toEqual({ phase: 'write', done: 3, total: 3 });
    const assen = await officer.get('/api/v1/municipalities?year=2025&q=assen').expect(200);
    expect(assen.body.items[0]).toMatchObject({ population: 70_000, populationReferenceDate: '2025-01-01' });

    const again = await importer.import('code,year,population\nGM0106,2025,70000\n', { source: 'again' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it('the command line imports a file, and refuses a bad one with exit code 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wmo-import-'));
    writeFileSync(join(dir, 'good.csv'), 'code,year,population\nGM0363,2025,900000\n');
    writeFileSync(join(dir, 'bad.csv'), 'code,year,population\nGM0363,2025,-1\n');
    const env = { DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'warn' };
    const good = await runProcess([distEntry('cli'), 'import-population', join(dir, 'good.csv')], env);
    expect(good.code).toBe(0);
    expect(good.output).toContain('Written 1/1 rows (100%)');
    expect(good.output).toContain('Imported 1 rows: 1 new, 0 changed, 0 unchanged.');
    const bad = await runProcess([distEntry('cli'), 'import-population', join(dir, 'bad.csv')], env);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('line 2: population -1 is negative');
    const [row] = await sql<{ inhabitants: number }>(
      t.databaseUrl,
      `SELECT inhabitants FROM population_figure WHERE municipality_code = 'GM0363' AND reference_date = '2025-01-01'`,
    );
    expect(row.inhabitants).toBe(900_000);
  });
});
