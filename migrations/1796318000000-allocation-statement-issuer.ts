import { MigrationInterface, QueryRunner } from 'typeorm';

/** An allocation statement is issued in the name of the contracting party that arranges the withholding. */
export class AllocationStatementIssuer1796318000000 implements MigrationInterface {
  name = 'AllocationStatementIssuer1796318000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_document" ADD "issuer_snapshot" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_document" DROP COLUMN "issuer_snapshot"`);
  }
}
