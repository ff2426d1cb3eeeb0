import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditedDocumentIndex1795452236792 implements MigrationInterface {
  name = 'CreditedDocumentIndex1795452236792';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "invoice_document_credited_idx" ON "invoice_document"  ("credited_document_id") WHERE credited_document_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."invoice_document_credited_idx"`);
  }
}
