import { MigrationInterface, QueryRunner } from 'typeorm';

const PARTY_VISIBILITY = `contracting_organisation_id = app_org_id() OR supplier_id = app_org_id() OR app_is_operator()`;

/**
 * Row-level security and immutability for invoicing (see 1795438213870 for the settings).
 *
 * - Runs: the contract's parties and the operator.
 * - Documents: the contract's parties, the customer, the municipality concerned, the operator.
 *   Lines, files and payments are visible with their document.
 * - Billing details and purchase orders: the municipality itself and the operator (invoice runs
 *   read them as the platform).
 * - An issued document and its lines never change (DOMAIN.md rule 5): a trigger refuses UPDATE and
 *   DELETE for every role, the owner included; payments and stored PDFs are append-only too.
 */
export class InvoicingRowLevelSecurity1795441739252 implements MigrationInterface {
  name = 'InvoicingRowLevelSecurity1795441739252';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const enable = async (table: string) => {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    };
    await enable('invoice_run');
    await queryRunner.query(
      `CREATE POLICY invoice_run_tenant ON invoice_run USING (${PARTY_VISIBILITY}) WITH CHECK (${PARTY_VISIBILITY})`,
    );

    await enable('invoice_document');
    await queryRunner.query(`
      CREATE POLICY invoice_document_tenant ON invoice_document
        USING (${PARTY_VISIBILITY} OR customer_organisation_id = app_org_id() OR municipality_code = app_setting('app.municipality_code'))
        WITH CHECK (supplier_id = app_org_id() OR app_is_operator())`);
    for (const table of ['invoice_line', 'document_file', 'payment']) {
      await enable(table);
      await queryRunner.query(`
        CREATE POLICY ${table}_tenant ON ${table}
          USING (EXISTS (SELECT 1 FROM invoice_document d WHERE d.id = ${table}.document_id))
          WITH CHECK (EXISTS (SELECT 1 FROM invoice_document d WHERE d.id = ${table}.document_id AND (d.supplier_id = app_org_id() OR app_is_operator())))`);
    }
    for (const table of ['billing_details', 'purchase_order']) {
      await enable(table);
      await queryRunner.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (organisation_id = app_org_id() OR app_is_operator()) WITH CHECK (organisation_id = app_org_id() OR app_is_operator())`,
      );
    }

    await queryRunner.query(`
      CREATE FUNCTION refuse_change_of_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is immutable once issued: % is not allowed (correct it with a credit note)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['invoice_document', 'invoice_line', 'payment', 'document_file']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_issued()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['invoice_document', 'invoice_line', 'payment', 'document_file'])
      await queryRunner.query(`DROP TRIGGER ${table}_immutable ON ${table}`);
    await queryRunner.query(`DROP FUNCTION refuse_change_of_issued()`);
    for (const table of [
      'purchase_order',
      'billing_details',
      'payment',
      'document_file',
      'invoice_line',
      'invoice_document',
      'invoice_run',
    ]) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
