import { MigrationInterface, QueryRunner } from 'typeorm';

const CONTRACT_CHILDREN = ['tariff', 'contract_exception', 'contract_service', 'contract_amendment'];

/**
 * Row-level security for providers, services and contracts (see 1795438213870 for the settings).
 *
 * - A provider, its services and channels: the provider itself, the operator, and those who
 *   contract providers (municipalities and associations); not other providers.
 * - A contract and its children: its contracting party and supplier (both carried on every child
 *   row, under a composite foreign key), the operator, and the municipalities that take part in it.
 * - The participation policy does not look at contracts, so the contract policy may look at it.
 *
 * Also the duties this product knows, and organisations becoming visible as parties of the
 * contracts one can see (for their names).
 */
export class ContractsRowLevelSecurity1795440317851 implements MigrationInterface {
  name = 'ContractsRowLevelSecurity1795440317851';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO duty (code, name, description, legal_basis, in_force_from, counting_channels, continuous_availability) VALUES
      ('WMO2015_2_2_4_1B', 'Anoniem luisterend oor en advies',
       'Op ieder moment van de dag telefonisch of elektronisch anoniem een luisterend oor en advies. Realtime kanalen (telefoon, chat) tellen; e-mail wordt vastgelegd maar telt niet alleen.',
       'art. 2.2.4 lid 1 onder b Wmo 2015', '2015-01-01', '{PHONE,CHAT}', true),
      ('JEUGDWET_KINDERTELEFOON', 'Kindertelefoon',
       'Een landelijke, anonieme hulplijn voor kinderen en jongeren (De Kindertelefoon), collectief ingekocht door de VNG.',
       'Jeugdwet (landelijke voorziening De Kindertelefoon)', '2015-01-01', '{PHONE,CHAT}', false)`);

    await queryRunner.query(`
      CREATE FUNCTION app_contracts_as_customer() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT app_setting('app.org_kind') IN ('ASSOCIATION', 'MUNICIPALITY') $$`);

    for (const [table, column] of [
      ['provider', 'organisation_id'],
      ['service', 'provider_id'],
      ['service_channel', 'provider_id'],
      ['channel_closure', 'provider_id'],
    ]) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY ${table}_tenant ON ${table}
          USING (${column} = app_org_id() OR app_is_operator() OR app_contracts_as_customer())
          WITH CHECK (${column} = app_org_id() OR app_is_operator())`);
    }

    await queryRunner.query(`ALTER TABLE participation ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE participation FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY participation_tenant ON participation
        USING (contracting_organisation_id = app_org_id() OR supplier_id = app_org_id() OR app_is_operator()
               OR municipality_code = app_setting('app.municipality_code'))
        WITH CHECK (contracting_organisation_id = app_org_id() OR app_is_operator())`);

    await queryRunner.query(`ALTER TABLE contract ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE contract FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY contract_tenant ON contract
        USING (contracting_organisation_id = app_org_id() OR supplier_id = app_org_id() OR app_is_operator()
               OR EXISTS (SELECT 1 FROM participation p WHERE p.contract_id = contract.id AND p.municipality_code = app_setting('app.municipality_code')))
        WITH CHECK (contracting_organisation_id = app_org_id() OR app_is_operator())`);

    for (const table of CONTRACT_CHILDREN) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY ${table}_tenant ON ${table}
          USING (contracting_organisation_id = app_org_id() OR supplier_id = app_org_id() OR app_is_operator()
                 ${table === 'contract_exception' ? "OR municipality_code = app_setting('app.municipality_code')" : ''}
                 OR EXISTS (SELECT 1 FROM participation p WHERE p.contract_id = ${table}.contract_id AND p.municipality_code = app_setting('app.municipality_code')))
          WITH CHECK (contracting_organisation_id = app_org_id() OR app_is_operator())`);
    }

    // The parties of a visible contract, and providers, are visible by name.
    await queryRunner.query(`DROP POLICY organisation_tenant ON organisation`);
    await queryRunner.query(`
      CREATE POLICY organisation_tenant ON organisation
        USING (id = app_org_id() OR app_is_operator()
               OR EXISTS (SELECT 1 FROM contract c WHERE c.contracting_organisation_id = organisation.id OR c.supplier_id = organisation.id)
               OR (kind = 'PROVIDER' AND app_contracts_as_customer()))
        WITH CHECK (app_is_operator())`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY organisation_tenant ON organisation`);
    await queryRunner.query(
      `CREATE POLICY organisation_tenant ON organisation USING (id = app_org_id() OR app_is_operator()) WITH CHECK (app_is_operator())`,
    );
    for (const table of [
      ...CONTRACT_CHILDREN,
      'contract',
      'participation',
      'channel_closure',
      'service_channel',
      'service',
      'provider',
    ]) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`DROP FUNCTION app_contracts_as_customer()`);
    await queryRunner.query(`DELETE FROM duty WHERE code IN ('WMO2015_2_2_4_1B', 'JEUGDWET_KINDERTELEFOON')`);
  }
}
