import { DataSource } from 'typeorm';
import { dataSourceOptions, pendingSchemaChanges } from '@wmo/database';
import { loadBundledReferenceData, readBundledReferenceData } from '@wmo/reference-data';
import { SCHEMA } from '@wmo/schema';
import { MIGRATIONS } from '../migrations';
import { distEntry, runProcess } from './support/processes';
import { createTestDatabase, dropTestDatabase, sql } from './support/test-database';

describe('database schema', () => {
  it('the entities and the migrations agree (if not: npm run migration:generate -- <name>)', async () => {
    const url = await createTestDatabase();
    const dataSource = await new DataSource(dataSourceOptions(url, SCHEMA)).initialize();
    try {
      const { up } = await pendingSchemaChanges(dataSource);
      expect(up).toEqual([]);
    } finally {
      await dataSource.destroy();
      await dropTestDatabase(url);
    }
  });

  it('two processes starting together on an empty database migrate it once, under the advisory lock', async () => {
    const url = await createTestDatabase({ empty: true });
    try {
      const env = { DATABASE_URL: url, LOG_LEVEL: 'info' };
      const [first, second] = await Promise.all([
        runProcess([distEntry('cli'), 'migrate'], env),
        runProcess([distEntry('cli'), 'migrate'], env),
      ]);
      expect([first.code, second.code]).toEqual([0, 0]);
      const appliedBy = [first.output, second.output].filter((output) => output.includes('Applied')).length;
      expect(appliedBy).toBe(1);
      const [migrations] = await sql<{ count: string }>(url, 'SELECT count(*) FROM schema_migration');
      expect(Number(migrations.count)).toBe(MIGRATIONS.length);
      const [municipalities] = await sql<{ count: string }>(url, 'SELECT count(*) FROM municipality');
      expect(Number(municipalities.count)).toBe(426);
    } finally {
      await dropTestDatabase(url);
    }
  });

  it('loading the bundled reference data is idempotent, and a changed bundle is applied as upserts', async () => {
    const url = await createTestDatabase();
    const dataSource = await new DataSource(dataSourceOptions(url, SCHEMA)).initialize();
    try {
      const bundle = readBundledReferenceData();
      expect(await loadBundledReferenceData(dataSource, bundle)).toBe('unchanged');
      expect(await loadBundledReferenceData(dataSource, { ...bundle, checksum: 'a-newer-bundle' })).toBe('loaded');
      const [counts] = await sql<Record<string, string>>(
        url,
        `SELECT (SELECT count(*) FROM municipality) AS m, (SELECT count(*) FROM population_figure) AS p,
                (SELECT count(*) FROM municipal_change) AS c, (SELECT count(*) FROM province) AS v`,
      );
      expect(counts).toEqual({ m: '426', p: '4045', c: '93', v: '12' });
    } finally {
      await dataSource.destroy();
      await dropTestDatabase(url);
    }
  });
});
