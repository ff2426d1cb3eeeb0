import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { loadConfig } from '@wmo/config';
import { migrateDatabase } from '@wmo/database';
import { APPLICATION_GROUP_ROLE, applicationUrl, prepareDatabase } from '@wmo/runtime';
import { SCHEMA } from '@wmo/schema';
import { MIGRATIONS } from '../migrations';
import { ApplicationRole1796292174851 } from '../migrations/1796292174851-application-role';
import {
  applicationPrivileges,
  applicationSequencePrivileges,
  CatalogueEntry,
  SEQUENCE_PRIVILEGES,
  TABLE_CATALOGUE,
  TABLE_PRIVILEGES,
} from '../migrations/table-catalogue';
import { TEST_JWT_SECRET, withDatabase } from './support/database-names';
import { createTestDatabase, dropTestDatabase, sql } from './support/test-database';

const COLUMN_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'];

function describeEntry(entry: CatalogueEntry): string {
  return entry.appendOnly ? `${entry.kind}, append-only` : entry.kind;
}

function listed(privileges: readonly string[]): string {
  return privileges.length ? privileges.join(', ') : 'nothing';
}

/**
 * What differs between the database at `url` and migrations/table-catalogue.ts, seen by the login
 * role `role` (so its membership of the group role is part of what is checked): one sentence per
 * difference, none when they agree.
 */
async function catalogueViolations(url: string, role: string): Promise<string[]> {
  const relations = await sql<{
    name: string;
    rls: boolean;
    forced: boolean;
    policies: number;
    privileges: string[];
  }>(
    url,
    // A column privilege counts too: has_any_column_privilege is true for a table-wide grant or for any column's.
    `SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
            (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int AS policies,
            ARRAY(SELECT p FROM unnest($2::text[]) p
                   WHERE CASE WHEN p = ANY ($3::text[]) THEN has_any_column_privilege($1, c.oid, p)
                              ELSE has_table_privilege($1, c.oid, p) END) AS privileges
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY c.relname`,
    [role, TABLE_PRIVILEGES, COLUMN_PRIVILEGES],
  );
  const sequences = await sql<{ name: string; table: string | null; privileges: string[] }>(
    url,
    `SELECT s.relname AS name, t.relname AS table,
            ARRAY(SELECT p FROM unnest($2::text[]) p WHERE has_sequence_privilege($1, s.oid, p)) AS privileges
       FROM pg_class s
       LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                            AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       LEFT JOIN pg_class t ON t.oid = d.refobjid
      WHERE s.relnamespace = 'public'::regnamespace AND s.relkind = 'S'
      ORDER BY s.relname`,
    [role, SEQUENCE_PRIVILEGES],
  );

  const violations: string[] = [];
  for (const relation of relations) {
    const entry = TABLE_CATALOGUE[relation.name];
    if (!entry) {
      violations.push(
        `${relation.name}: not in migrations/table-catalogue.ts (classify it as tenant, reference or platform)`,
      );
      continue;
    }
    if (entry.kind === 'tenant') {
      if (!relation.rls) violations.push(`${relation.name} (tenant): row-level security is not enabled`);
      if (!relation.forced) violations.push(`${relation.name} (tenant): row-level security is not FORCEd`);
      if (relation.policies === 0) violations.push(`${relation.name} (tenant): no policy`);
    }
    const expected = applicationPrivileges(entry);
    if (relation.privileges.join() !== expected.join())
      violations.push(
        `${relation.name} (${describeEntry(entry)}): ${role} holds ${listed(relation.privileges)}; the catalogue says ${listed(expected)}`,
      );
  }
  const present = new Set(relations.map((relation) => relation.name));
  for (const name of Object.keys(TABLE_CATALOGUE).filter((name) => !present.has(name)))
    violations.push(`${name}: in the catalogue, not in the database`);
  for (const sequence of sequences) {
    const table = sequence.table === null ? undefined : TABLE_CATALOGUE[sequence.table];
    const expected = table ? applicationSequencePrivileges(table) : [];
    if (sequence.privileges.join() !== expected.join())
      violations.push(
        `sequence ${sequence.name} (of ${sequence.table ?? 'no table'}): ${role} holds ${listed(sequence.privileges)}; expected ${listed(expected)}`,
      );
  }
  return violations;
}

/** Every privilege on the objects of `public` and `pgboss` held by a role other than the object's owner, grantor left out. */
async function grantsInSchemas(url: string): Promise<string[]> {
  const rows = await sql<{ grant: string }>(
    url,
    `WITH grants AS (
       SELECT format('%s.%s%s', n.nspname, c.relname, coalesce('(' || g.column_name || ')', '')) AS object,
              g.grantee, g.privilege_type
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         CROSS JOIN LATERAL (
           SELECT NULL::name AS column_name, e.grantee, e.privilege_type FROM aclexplode(c.relacl) e
           UNION ALL
           SELECT a.attname, e.grantee, e.privilege_type
             FROM pg_attribute a CROSS JOIN LATERAL aclexplode(a.attacl) e WHERE a.attrelid = c.oid
         ) g
        WHERE n.nspname IN ('public', 'pgboss') AND g.grantee <> c.relowner
       UNION ALL
       SELECT 'schema ' || n.nspname, e.grantee, e.privilege_type
         FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) e
        WHERE n.nspname IN ('public', 'pgboss') AND e.grantee <> n.nspowner
     )
     SELECT format('%s: %s %s', object, CASE grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(grantee)::text END,
                   privilege_type) AS grant
       FROM grants ORDER BY 1`,
  );
  return rows.map((row) => row.grant);
}

function loginRoleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

function testConfig(ownerUrl: string, appUrl?: string) {
  return loadConfig({
    DATABASE_URL: ownerUrl,
    ...(appUrl ? { DATABASE_APP_URL: appUrl } : {}),
    JWT_SECRET: TEST_JWT_SECRET,
    DEMO: '0',
    LOG_LEVEL: 'silent',
  });
}

/** The migrations before the one that moved the grants into migrations. */
const BEFORE_GROUP_ROLE = MIGRATIONS.slice(0, MIGRATIONS.indexOf(ApplicationRole1796292174851));

/** What start-up granted the login role directly before the group role existed (libs/runtime/src/app-role.ts, until 1796292174851). */
async function grantLikeThePreviousVersion(ownerUrl: string, role: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: 'pgboss', supervise: false, schedule: false, max: 1 });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
  await sql(
    ownerUrl,
    `GRANT USAGE ON SCHEMA public TO ${role};
     GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
     GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
     REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON province, municipality, population_figure, municipal_change,
       reference_data_state, duty FROM ${role};
     REVOKE ALL ON instance_secret, schema_migration, typeorm_metadata FROM ${role};
     REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, invoice_document, invoice_line, payment, document_file,
       notification FROM ${role};
     GRANT USAGE ON SCHEMA pgboss TO ${role};
     GRANT SELECT ON pgboss.queue TO ${role};
     GRANT INSERT, SELECT (id) ON pgboss.job TO ${role};`,
  );
}

describe('the table catalogue', () => {
  let url: string;
  let appRole: string;

  beforeAll(async () => {
    url = await createTestDatabase();
    appRole = loginRoleOf(applicationUrl(url));
  });
  afterAll(() => dropTestDatabase(url));

  it('classifies every relation of the public schema, and the database guards and grants each as its class says', async () => {
    expect(await catalogueViolations(url, appRole)).toEqual([]);
  });

  it('fails for a table nobody classified, and for a privilege its class does not give', async () => {
    const scratch = await createTestDatabase();
    try {
      await sql(scratch, `CREATE TABLE unclassified_probe (id int PRIMARY KEY)`);
      await sql(scratch, `GRANT UPDATE ON province TO ${APPLICATION_GROUP_ROLE}`);
      expect(await catalogueViolations(scratch, appRole)).toEqual([
        'province (reference): wmo_app holds SELECT, UPDATE; the catalogue says SELECT',
        'unclassified_probe: not in migrations/table-catalogue.ts (classify it as tenant, reference or platform)',
      ]);
    } finally {
      await dropTestDatabase(scratch);
    }
  });

  it('the login role holds nothing of its own: its privileges come from the group role, which cannot log in', async () => {
    const direct = (await grantsInSchemas(url)).filter((grant) => grant.includes(`: ${appRole} `));
    expect(direct).toEqual(['schema public: wmo_app USAGE']);
    const [roles] = await sql<{ member: boolean; groupCanLogIn: boolean }>(
      url,
      `SELECT pg_has_role($1, $2, 'USAGE') AS member,
              (SELECT rolcanlogin FROM pg_roles WHERE rolname = $2) AS "groupCanLogIn"`,
      [appRole, APPLICATION_GROUP_ROLE],
    );
    expect(roles).toEqual({ member: true, groupCanLogIn: false });
  });

  it('an upgraded database, whose login role the previous version granted directly, ends as a fresh one', async () => {
    const upgraded = await createTestDatabase({ empty: true });
    try {
      await migrateDatabase(upgraded, { ...SCHEMA, migrations: BEFORE_GROUP_ROLE });
      await grantLikeThePreviousVersion(upgraded, appRole);
      expect(await catalogueViolations(upgraded, appRole)).not.toEqual([]);

      await prepareDatabase(upgraded, testConfig(upgraded));

      expect(await catalogueViolations(upgraded, appRole)).toEqual([]);
      expect(await grantsInSchemas(upgraded)).toEqual(await grantsInSchemas(url));
    } finally {
      await dropTestDatabase(upgraded);
    }
  });

  it('an owner without CREATEROLE works with the roles an administrator made (DATABASE_APP_URL)', async () => {
    const suffix = randomBytes(4).toString('hex');
    const owner = `wmo_owner_${suffix}`;
    const login = `wmo_login_${suffix}`;
    const database = `wmo_test_owner_${suffix}`;
    const admin = withDatabase(url, 'postgres');
    const ownerUrl = Object.assign(new URL(withDatabase(url, database)), { username: owner, password: 'owner-pw' });
    const appUrl = Object.assign(new URL(ownerUrl.href), { username: login, password: 'login-pw' });
    // The administrator: the owner may create databases but not roles; the group role exists on this server.
    await sql(admin, `CREATE ROLE ${owner} LOGIN CREATEDB NOCREATEROLE PASSWORD 'owner-pw'`);
    await sql(admin, `CREATE ROLE ${login} LOGIN PASSWORD 'login-pw'`);
    await sql(admin, `CREATE DATABASE ${database} OWNER ${owner}`);
    try {
      await expect(prepareDatabase(ownerUrl.href, testConfig(ownerUrl.href, appUrl.href))).rejects.toThrow(
        `have an administrator run GRANT ${APPLICATION_GROUP_ROLE} TO ${login}`,
      );
      await sql(admin, `GRANT ${APPLICATION_GROUP_ROLE} TO ${login}`);
      await prepareDatabase(ownerUrl.href, testConfig(ownerUrl.href, appUrl.href));

      expect(await catalogueViolations(ownerUrl.href, login)).toEqual([]);
      const client = new Client({ connectionString: appUrl.href });
      await client.connect();
      try {
        expect((await client.query(`SELECT count(*)::int AS n FROM municipality`)).rows[0].n).toBe(426);
        await expect(client.query(`SELECT * FROM instance_secret`)).rejects.toThrow(/permission denied/);
      } finally {
        await client.end();
      }
    } finally {
      await sql(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await sql(admin, `DROP ROLE IF EXISTS ${login}`);
      await sql(admin, `DROP ROLE IF EXISTS ${owner}`);
    }
  });
});
