import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A replacement invoice (issue 13) names the invoice it replaces, which a full credit note
 * cancelled in the same transaction; at most one replacement per invoice. Adding a nullable column
 * changes no issued document.
 */
export class ReplacementInvoices1796315000000 implements MigrationInterface {
  name = 'ReplacementInvoices1796315000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_document" ADD "replaces_document_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "invoice_document" ADD CONSTRAINT "invoice_document_replaces_fk" FOREIGN KEY ("replaces_document_id") REFERENCES "invoice_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "invoice_document_replaces_key" ON "invoice_document" ("replaces_document_id") WHERE replaces_document_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "invoice_document_replaces_key"`);
    await queryRunner.query(`ALTER TABLE "invoice_document" DROP CONSTRAINT "invoice_document_replaces_fk"`);
    await queryRunner.query(`ALTER TABLE "invoice_document" DROP COLUMN "replaces_document_id"`);
  }
}
