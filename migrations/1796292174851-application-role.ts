import { MigrationInterface, QueryRunner } from 'typeorm';

/** Roles are cluster-wide: every database of a server shares this one. */
const GROUP_ROLE = 'wmo_application';

// The tables as they are at this migration (later migrations grant on their own new tables), by
// class as in migrations/table-catalogue.ts.
const READ_WRITE = [
  'organisation',
  'app_user',
  'refresh_token',
  'api_key',
  'login_failure',
  'provider',
  'service',
  'service_channel',
  'channel_closure',
  'contract',
  'contract_service',
  'contract_amendment',
  'tariff',
  'contract_exception',
  'participation',
  'billing_details',
  'purchase_order',
  'invoice_run',
  'document_number_counter',
  'obligation_state',
  'compliance_evaluation',
  'service_statistic',
  'notification_read',
  'webhook_subscription',
  'webhook_delivery',
];
const APPEND_ONLY = ['audit_event', 'invoice_document', 'invoice_line', 'document_file', 'payment', 'notification'];
const READ_ONLY = [
  'province',
  'municipality',
  'population_figure',
  'municipal_change',
  'reference_data_state',
  'duty',
  'municipality_detail',
];

/** On the sequences of the identity columns the application inserts into (audit_event.id, login_failure.id). */
function sequenceStatement(action: 'GRANT USAGE, SELECT' | 'REVOKE ALL', direction: 'TO' | 'FROM'): string {
  return `DO $$ BEGIN
    EXECUTE format('${action} ON SEQUENCE %s, %s ${direction} ${GROUP_ROLE}',
                   pg_get_serial_sequence('audit_event', 'id'), pg_get_serial_sequence('login_failure', 'id'));
  END $$`;
}

/**
 * The application's privileges, held by a group role that this migration grants exactly what the
 * table catalogue says, instead of being granted at every start to whichever role logs in.
 * Start-up (libs/runtime, ensureApplicationRole) then only makes the login role a member.
 *
 * - Creates the NOLOGIN role `wmo_application` unless it exists (another database of the server,
 *   or an administrator, may have made it; a migration of another database may be making it at
 *   this moment). The owner needs CREATEROLE for that, or an administrator creates it beforehand.
 * - Takes every privilege on the relations of `public` away from every role but their owner,
 *   the group role included, then grants the group role its own: earlier versions granted the
 *   login role directly, and an upgraded database must end as a fresh one does.
 * - Row-level security for the two tables that had none. The document number counter is written
 *   only in the transaction that issues: a run's (as the platform) or a credit note's (the
 *   supplier's own). Login failures are read and written while signing in, for the address being
 *   signed in (`app.login_email`, as the credential lookup sets it) or as the platform.
 */
export class ApplicationRole1796292174851 implements MigrationInterface {
  name = 'ApplicationRole1796292174851';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${GROUP_ROLE}') THEN
          CREATE ROLE ${GROUP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL; -- created for another database meanwhile
      END $$`);

    await queryRunner.query(`
      DO $$
      DECLARE
        grant_ record;
      BEGIN
        FOR grant_ IN
          SELECT DISTINCT c.oid::regclass AS relation, c.relkind = 'S' AS is_sequence, acl.grantee
            FROM pg_class c
            CROSS JOIN LATERAL (
              SELECT e.grantee FROM aclexplode(c.relacl) e
              UNION
              SELECT e.grantee FROM pg_attribute a CROSS JOIN LATERAL aclexplode(a.attacl) e WHERE a.attrelid = c.oid
            ) acl
           WHERE c.relnamespace = 'public'::regnamespace AND acl.grantee <> c.relowner
        LOOP
          EXECUTE format('REVOKE ALL ON %s %s FROM %s',
                         CASE WHEN grant_.is_sequence THEN 'SEQUENCE' ELSE 'TABLE' END,
                         grant_.relation,
                         CASE WHEN grant_.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(grant_.grantee)) END);
        END LOOP;
      END $$`);

    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${READ_WRITE.join(', ')} TO ${GROUP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT ON ${APPEND_ONLY.join(', ')} TO ${GROUP_ROLE}`);
    await queryRunner.query(`GRANT SELECT ON ${READ_ONLY.join(', ')} TO ${GROUP_ROLE}`);
    await queryRunner.query(sequenceStatement('GRANT USAGE, SELECT', 'TO'));

    for (const table of ['document_number_counter', 'login_failure']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`
      CREATE POLICY document_number_counter_issuer ON document_number_counter
        USING (issuer_id = app_org_id() OR app_is_operator())
        WITH CHECK (issuer_id = app_org_id() OR app_is_operator())`);
    await queryRunner.query(`
      CREATE POLICY login_failure_sign_in ON login_failure
        USING (email = app_setting('app.login_email') OR app_is_operator())
        WITH CHECK (email = app_setting('app.login_email') OR app_is_operator())`);
  }

  /** The role stays: other databases of the server may use it. The previous version grants its login role at start-up. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY login_failure_sign_in ON login_failure`);
    await queryRunner.query(`DROP POLICY document_number_counter_issuer ON document_number_counter`);
    for (const table of ['login_failure', 'document_number_counter']) {
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(
      `REVOKE ALL ON ${[...READ_WRITE, ...APPEND_ONLY, ...READ_ONLY].join(', ')} FROM ${GROUP_ROLE}`,
    );
    await queryRunner.query(sequenceStatement('REVOKE ALL', 'FROM'));
  }
}
