import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const APP_ROLE = 'wmo_app';
/** Reference data is read, never written, by the application. */
const READ_ONLY_TABLES = [
  'province',
  'municipality',
  'population_figure',
  'municipal_change',
  'reference_data_state',
  'duty',
];
const OWNER_ONLY_TABLES = ['instance_secret', 'schema_migration', 'typeorm_metadata'];
const APPEND_ONLY_TABLES = [
  'audit_event',
  'invoice_document',
  'invoice_line',
  'payment',
  'document_file',
  'notification',
];

/**
 * The URL the application connects with: DATABASE_APP_URL, or the role `wmo_app` with a password
 * derived from the owner's, so every process computes the same one without storing it.
 */
export function applicationUrl(ownerUrl: string, configuredAppUrl?: string): string {
  if (configuredAppUrl) return configuredAppUrl;
  const url = new URL(ownerUrl);
  const password = createHmac('sha256', decodeURIComponent(url.password) || 'wmo')
    .update(APP_ROLE)
    .digest('hex');
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * Makes sure the application role exists, can log in, does not own the tables (so row-level
 * security applies to it, with FORCE for the owner too) and has only the privileges it needs.
 * Run by the owner at start-up, under the schema lock.
 */
export async function ensureApplicationRole(owner: DataSource, appUrl: string): Promise<void> {
  const role = decodeURIComponent(new URL(appUrl).username);
  const quoted = `"${role.replace(/"/g, '""')}"`;
  if (!(await canLogIn(appUrl))) {
    const password = decodeURIComponent(new URL(appUrl).password).replace(/'/g, "''");
    await owner.query(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role.replace(/'/g, "''")}') THEN
           CREATE ROLE ${quoted} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${password}';
         ELSE
           ALTER ROLE ${quoted} LOGIN PASSWORD '${password}';
         END IF;
       EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL; -- created by a process on another database meanwhile
       END $$`,
    );
  }
  const [{ database }] = await owner.query<[{ database: string }]>(`SELECT current_database() AS database`);
  await owner.query(`GRANT CONNECT ON DATABASE "${database.replace(/"/g, '""')}" TO ${quoted}`);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${quoted}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${quoted}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${quoted}`);
  await owner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${READ_ONLY_TABLES.join(', ')} FROM ${quoted}`);
  await owner.query(`REVOKE ALL ON ${OWNER_ONLY_TABLES.join(', ')} FROM ${quoted}`);
  await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${quoted}`);
  // The job queue (pg-boss) is the owner's; the application may only add jobs, inside its own transactions.
  await owner.query(`GRANT USAGE ON SCHEMA pgboss TO ${quoted}`);
  await owner.query(`GRANT SELECT ON pgboss.queue TO ${quoted}`);
  await owner.query(`GRANT INSERT, SELECT (id) ON pgboss.job TO ${quoted}`);
}

async function canLogIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
