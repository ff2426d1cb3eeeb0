import { MigrationInterface, QueryRunner } from 'typeorm';

export class RunGapsOnRead1795443465585 implements MigrationInterface {
  name = 'RunGapsOnRead1795443465585';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_run" DROP COLUMN "gaps"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_run" ADD "gaps" jsonb NOT NULL DEFAULT '[]'`);
  }
}
