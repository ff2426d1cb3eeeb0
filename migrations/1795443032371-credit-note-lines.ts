import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditNoteLines1795443032371 implements MigrationInterface {
  name = 'CreditNoteLines1795443032371';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD "credits_line_number" smallint`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP COLUMN "credits_line_number"`);
  }
}
