import { Client, Pool } from 'pg';
import { applicationUrl } from '@wmo/runtime';
import { createTestDatabase, dropTestDatabase, sql } from './support/test-database';

/** The last line of isolation: PostgreSQL itself, as the role the application connects with. */
describe('row-level security', () => {
  let ownerUrl: string;
  let appUrl: string;
  let tenantTables: string[];
  let assen: string;
  let groningen: string;

  beforeAll(async () => {
    ownerUrl = await createTestDatabase();
    appUrl = applicationUrl(ownerUrl);
    tenantTables = (
      await sql<{ table: string }>(
        ownerUrl,
        `SELECT relname AS table FROM pg_class WHERE relkind = 'r' AND relrowsecurity AND relnamespace = 'public'::regnamespace ORDER BY 1`,
      )
    ).map((row) => row.table);
    [{ id: assen }] = await sql<{ id: string }>(
      ownerUrl,
      `SELECT id FROM organisation WHERE municipality_code = 'GM0106'`,
    );
    [{ id: groningen }] = await sql<{ id: string }>(
      ownerUrl,
      `SELECT id FROM organisation WHERE municipality_code = 'GM0014'`,
    );
  });
  afterAll(() => dropTestDatabase(ownerUrl));

  async function asApp<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: appUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  it('protects every tenant table, with FORCE so that the owner is bound too', async () => {
    expect(tenantTables).toEqual(
      expect.arrayContaining([
        'api_key',
        'app_user',
        'audit_event',
        'document_number_counter',
        'login_failure',
        'organisation',
        'refresh_token',
      ]),
    );
    const unforced = await sql(
      ownerUrl,
      `SELECT relname FROM pg_class WHERE relrowsecurity AND NOT relforcerowsecurity AND relnamespace = 'public'::regnamespace`,
    );
    expect(unforced).toEqual([]);
  });

  it('the application role is not the owner, not a superuser and cannot bypass row-level security', async () => {
    const [role] = await sql<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean }>(
      ownerUrl,
      `SELECT rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = 'wmo_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false });
    const owned = await sql(
      ownerUrl,
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'wmo_app'`,
    );
    expect(owned).toEqual([]);
  });

  it('with no tenant set, the application role reads zero rows from every tenant table', async () => {
    await asApp(async (client) => {
      for (const table of tenantTables) {
        const { rows } = await client.query(`SELECT count(*)::int AS count FROM ${table}`);
        expect([table, rows[0].count]).toEqual([table, 0]);
      }
    });
    // ...while the rows are there.
    const [{ count }] = await sql<{ count: string }>(ownerUrl, `SELECT count(*) FROM app_user`);
    expect(Number(count)).toBeGreaterThan(5);
  });

  it("a forgotten WHERE clause still returns only the tenant's rows", async () => {
    await asApp(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.org_id', $1, true)`, [assen]);
      const users = await client.query(`SELECT email, organisation_id FROM app_user`);
      const organisations = await client.query(`SELECT id FROM organisation`);
      await client.query('COMMIT');
      expect(users.rows.map((r) => r.email).sort()).toEqual(['finance.gm0106@demo.nl', 'officer.gm0106@demo.nl']);
      expect(organisations.rows).toEqual([{ id: assen }]);
    });
  });

  it('a tenant cannot write a row for another tenant', async () => {
    await asApp(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.org_id', $1, true)`, [assen]);
      await expect(
        client.query(
          `INSERT INTO app_user (organisation_id, email, name, password_hash, roles) VALUES ($1, 'x@y.nl', 'X', 'h', '{OFFICER}')`,
          [groningen],
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.org_id', $1, true)`, [assen]);
      const moved = await client.query(
        `UPDATE app_user SET name = 'overgenomen' WHERE email = 'officer.gm0014@demo.nl'`,
      );
      await client.query('COMMIT');
      expect(moved.rowCount).toBe(0);
    });
  });

  it('the tenant setting ends with its transaction: the next use of a pooled connection sees nothing', async () => {
    const pool = new Pool({ connectionString: appUrl, max: 1 });
    try {
      const client = await pool.connect();
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.org_id', $1, true)`, [assen]);
      expect((await client.query(`SELECT count(*)::int AS n FROM app_user`)).rows[0].n).toBe(2);
      await client.query('COMMIT');
      client.release();
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM app_user`);
      expect(rows[0].n).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it('the application role may read but not change reference data, and cannot see instance secrets', async () => {
    await asApp(async (client) => {
      expect((await client.query(`SELECT count(*)::int AS n FROM municipality`)).rows[0].n).toBe(426);
      await expect(client.query(`UPDATE population_figure SET inhabitants = 1`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`SELECT * FROM instance_secret`)).rejects.toThrow(/permission denied/);
    });
  });

  it('document numbers are reserved by the issuer itself or the platform, never for another issuer', async () => {
    const reserve = (client: Client, issuer: string) =>
      client.query(
        `INSERT INTO document_number_counter (issuer_id, document_type, year, last_number) VALUES ($1, 'INVOICE', 2099, 1)
         ON CONFLICT (issuer_id, document_type, year) DO UPDATE SET last_number = document_number_counter.last_number + 1`,
        [issuer],
      );
    await asApp(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.org_id', $1, true)`, [assen]);
      await reserve(client, assen);
      await expect(reserve(client, groningen)).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.operator', 'true', true)`);
      await reserve(client, groningen);
      await client.query(`SELECT set_config('app.operator', 'false', true), set_config('app.org_id', $1, true)`, [
        assen,
      ]);
      expect((await client.query(`SELECT issuer_id FROM document_number_counter`)).rows).toEqual([]);
      await client.query('ROLLBACK');
    });
  });

  it('login failures are seen and recorded only for the address being signed in', async () => {
    await asApp(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.operator', 'true', true)`);
      await client.query(`INSERT INTO login_failure (email) VALUES ('a@example.nl'), ('b@example.nl')`);
      await client.query(
        `SELECT set_config('app.operator', 'false', true), set_config('app.login_email', 'a@example.nl', true)`,
      );
      expect((await client.query(`SELECT email FROM login_failure`)).rows).toEqual([{ email: 'a@example.nl' }]);
      await client.query(`INSERT INTO login_failure (email) VALUES ('a@example.nl')`);
      await expect(client.query(`INSERT INTO login_failure (email) VALUES ('b@example.nl')`)).rejects.toThrow(
        /row-level security/,
      );
      await client.query('ROLLBACK');
    });
  });

  it('the audit log is append-only for every role, the owner included', async () => {
    await asApp(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.operator', 'true', true)`);
      await expect(client.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
      await client.query('ROLLBACK');
    });
    await expect(sql(ownerUrl, `UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(sql(ownerUrl, `DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(sql(ownerUrl, `TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });
});
