import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security on the tenant tables (hand-written: TypeORM does not model policies).
 *
 * The application connects as a role that does not own the tables; FORCE applies the policies to
 * the owner too. The tenant comes from settings made with set_config(..., true) inside each
 * transaction (see libs/tenancy). With no setting, a policy sees no rows.
 *
 * - app.org_id: the caller's organisation; app.operator: 'true' for the platform operator.
 * - app.login_email / app.api_key_hash / app.refresh_token_hash: a credential being checked; the
 *   policy then passes exactly the row that matches it, so sign-in needs no broader bypass.
 */
export class RowLevelSecurity1795438213870 implements MigrationInterface {
  name = 'RowLevelSecurity1795438213870';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION app_setting(name text) RETURNS text LANGUAGE sql STABLE
        AS $$ SELECT NULLIF(current_setting(name, true), '') $$`);
    await queryRunner.query(`
      CREATE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE
        AS $$ SELECT app_setting('app.org_id')::uuid $$`);
    await queryRunner.query(`
      CREATE FUNCTION app_is_operator() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT COALESCE(app_setting('app.operator')::boolean, false) $$`);

    for (const table of ['organisation', 'app_user', 'refresh_token', 'api_key', 'audit_event']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }

    await queryRunner.query(`
      CREATE POLICY organisation_tenant ON organisation
        USING (id = app_org_id() OR app_is_operator())
        WITH CHECK (app_is_operator())`);

    await queryRunner.query(`
      CREATE POLICY app_user_tenant ON app_user
        USING (organisation_id = app_org_id() OR app_is_operator() OR email = app_setting('app.login_email'))
        WITH CHECK (organisation_id = app_org_id() OR app_is_operator())`);

    await queryRunner.query(`
      CREATE POLICY refresh_token_tenant ON refresh_token
        USING (organisation_id = app_org_id() OR app_is_operator() OR token_hash = app_setting('app.refresh_token_hash'))
        WITH CHECK (organisation_id = app_org_id() OR app_is_operator())`);

    await queryRunner.query(`
      CREATE POLICY api_key_tenant ON api_key
        USING (organisation_id = app_org_id() OR app_is_operator() OR key_hash = app_setting('app.api_key_hash'))
        WITH CHECK (organisation_id = app_org_id() OR app_is_operator())`);

    // The audit log: read by the organisation it concerns; written by the actor; never changed.
    await queryRunner.query(`
      CREATE POLICY audit_event_read ON audit_event FOR SELECT
        USING (organisation_id = app_org_id() OR app_is_operator())`);
    await queryRunner.query(`
      CREATE POLICY audit_event_append ON audit_event FOR INSERT
        WITH CHECK (actor_organisation_id = app_org_id() OR app_is_operator())`);
    await queryRunner.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_append_only ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_is_append_only()`);
    for (const [policy, table] of [
      ['audit_event_append', 'audit_event'],
      ['audit_event_read', 'audit_event'],
      ['api_key_tenant', 'api_key'],
      ['refresh_token_tenant', 'refresh_token'],
      ['app_user_tenant', 'app_user'],
      ['organisation_tenant', 'organisation'],
    ]) {
      await queryRunner.query(`DROP POLICY ${policy} ON ${table}`);
    }
    for (const table of ['organisation', 'app_user', 'refresh_token', 'api_key', 'audit_event']) {
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`DROP FUNCTION app_is_operator()`);
    await queryRunner.query(`DROP FUNCTION app_org_id()`);
    await queryRunner.query(`DROP FUNCTION app_setting(text)`);
  }
}
