import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's credentials version: raised by a change of roles or deactivation. Access tokens carry
 * the version they were issued with; an older one is refused at once, in every API process.
 */
export class CredentialsVersion1796319000000 implements MigrationInterface {
  name = 'CredentialsVersion1796319000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "credentials_version" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "credentials_version"`);
  }
}
