import { Principal, ScopedDatabase, TenantContext } from '@wmo/tenancy';
import { sql } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';

/** The tenant transaction's one way to look past row-level security: unscopedWithin. */
describe('tenant transactions', () => {
  let t: TestApp;
  let assen: Principal;

  beforeAll(async () => {
    t = await startTestApp();
    const [{ id }] = await sql<{ id: string }>(
      t.databaseUrl,
      `SELECT id FROM organisation WHERE municipality_code = 'GM0106'`,
    );
    assen = {
      kind: 'user',
      id: 'test',
      userId: null,
      apiKeyId: null,
      organisationId: id,
      organisationKind: 'MUNICIPALITY',
      municipalityCode: 'GM0106',
      roles: ['OFFICER'],
    };
  });
  afterAll(() => t?.close());

  it('unscopedWithin sees every contract on the same connection, then gives the caller its own view back', async () => {
    const [{ all }] = await sql<{ all: string }>(t.databaseUrl, `SELECT count(*) AS all FROM contract`);
    const seen = await t.app.get(TenantContext).runAs(assen, () =>
      t.app.get(ScopedDatabase).transaction(async (tx) => {
        const count = async () =>
          Number((await tx.manager.query<[{ n: string }]>(`SELECT count(*) AS n FROM contract`))[0].n);
        const pid = async () => (await tx.manager.query<[{ pid: number }]>(`SELECT pg_backend_pid() AS pid`))[0].pid;
        const before = await count();
        const connection = await pid();
        const within = await tx.unscopedWithin(async ({ manager }) => ({
          contracts: Number((await manager.query<[{ n: string }]>(`SELECT count(*) AS n FROM contract`))[0].n),
          connection: (await manager.query<[{ pid: number }]>(`SELECT pg_backend_pid() AS pid`))[0].pid,
        }));
        return { before, within, after: await count(), connection };
      }),
    );
    // Assen sees the collective contracts it takes part in, not Amsterdam's own.
    expect(seen.before).toBeLessThan(Number(all));
    expect(seen.within).toEqual({ contracts: Number(all), connection: seen.connection });
    expect(seen.after).toBe(seen.before);
  });
});
