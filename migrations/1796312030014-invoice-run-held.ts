import { MigrationInterface, QueryRunner } from 'typeorm';

const PARTY_VISIBILITY = `contracting_organisation_id = app_org_id() OR supplier_id = app_org_id() OR app_is_operator()`;

/**
 * The customers a run held back because their billing details lack an address (issue 12): visible
 * to the run's parties and the operator, as the run is. Written by the run's job and by a release
 * (both as the platform); a row goes when the customer's document is issued.
 */
export class InvoiceRunHeld1796312030014 implements MigrationInterface {
  name = 'InvoiceRunHeld1796312030014';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "invoice_run_held" ("run_id" uuid NOT NULL, "customer_organisation_id" uuid NOT NULL, "municipality_code" character varying(6), "contracting_organisation_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "missing" character varying(30) array NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invoice_run_held_pk" PRIMARY KEY ("run_id", "customer_organisation_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_run_held" ADD CONSTRAINT "invoice_run_held_run_fk" FOREIGN KEY ("run_id") REFERENCES "invoice_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_run_held" ADD CONSTRAINT "invoice_run_held_customer_fk" FOREIGN KEY ("customer_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE invoice_run_held ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE invoice_run_held FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY invoice_run_held_tenant ON invoice_run_held USING (${PARTY_VISIBILITY}) WITH CHECK (${PARTY_VISIBILITY})`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON invoice_run_held TO wmo_application`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invoice_run_held"`);
  }
}
