import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A line's calculation in its own column, for lines issued from now on. Issued lines are never
 * updated (a trigger refuses it), so there is no backfill: lines issued before keep description and
 * calculation packed in `description` (`description | calculation`) with `calculation` null, and
 * are read through the one function that understands both forms (libs/invoicing, lineText).
 */
export class InvoiceLineCalculation1796295294937 implements MigrationInterface {
  name = 'InvoiceLineCalculation1796295294937';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD "calculation" character varying(500)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP COLUMN "calculation"`);
  }
}
