import { MigrationInterface, QueryRunner } from 'typeorm';

/** A change reaching back into an issued period is told to the supplier's finance and the contracting party. */
export class BillingDifferenceNotifications1796317000000 implements MigrationInterface {
  name = 'BillingDifferenceNotifications1796317000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind`);
    await queryRunner.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind CHECK (kind IN ('COVERAGE_ENDING', 'NON_COMPLIANT', 'COMPLIANT_AGAIN', 'INVOICE_OVERDUE', 'ROLL_OVER_OFFERED', 'BILLING_DIFFERENCE'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notification WHERE kind = 'BILLING_DIFFERENCE'`);
    await queryRunner.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind`);
    await queryRunner.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind CHECK (kind IN ('COVERAGE_ENDING', 'NON_COMPLIANT', 'COMPLIANT_AGAIN', 'INVOICE_OVERDUE', 'ROLL_OVER_OFFERED'))`,
    );
  }
}
