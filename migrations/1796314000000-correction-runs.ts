import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Correction runs (issue 13): a run has a kind, INVOICE (once per contract and period, as before)
 * or CORRECTION (credit notes and supplementary invoices for the differences found since, as
 * often as the facts change); and a supplementary invoice names the invoice it adds to. Adding a
 * nullable column changes no issued document.
 */
export class CorrectionRuns1796314000000 implements MigrationInterface {
  name = 'CorrectionRuns1796314000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_run" ADD "kind" character varying(20) NOT NULL DEFAULT 'INVOICE'`);
    await queryRunner.query(
      `ALTER TABLE "invoice_run" ADD CONSTRAINT "invoice_run_kind" CHECK (kind IN ('INVOICE', 'CORRECTION'))`,
    );
    await queryRunner.query(`ALTER TABLE "invoice_run" DROP CONSTRAINT "invoice_run_period_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "invoice_run_period_key" ON "invoice_run" ("contract_id", "period_start", "period_end") WHERE kind = 'INVOICE'`,
    );
    await queryRunner.query(`ALTER TABLE "invoice_document" ADD "supplements_document_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "invoice_document" ADD CONSTRAINT "invoice_document_supplements_fk" FOREIGN KEY ("supplements_document_id") REFERENCES "invoice_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_document" DROP CONSTRAINT "invoice_document_supplements_fk"`);
    await queryRunner.query(`ALTER TABLE "invoice_document" DROP COLUMN "supplements_document_id"`);
    await queryRunner.query(`DROP INDEX "invoice_run_period_key"`);
    await queryRunner.query(
      `ALTER TABLE "invoice_run" ADD CONSTRAINT "invoice_run_period_key" UNIQUE ("contract_id", "period_start", "period_end")`,
    );
    await queryRunner.query(`ALTER TABLE "invoice_run" DROP CONSTRAINT "invoice_run_kind"`);
    await queryRunner.query(`ALTER TABLE "invoice_run" DROP COLUMN "kind"`);
  }
}
