import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplianceStatisticsNotifications1795445889551 implements MigrationInterface {
  name = 'ComplianceStatisticsNotifications1795445889551';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "obligation_state" ("municipality_code" character varying(6) NOT NULL, "duty_code" character varying(50) NOT NULL, "status" character varying(20) NOT NULL, "since" date NOT NULL, "evaluated_on" date NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "obligation_state_status" CHECK (status IN ('COMPLIANT', 'AT_RISK', 'NON_COMPLIANT')), CONSTRAINT "PK_a631f9a448bbf4f83edb9b864e7" PRIMARY KEY ("municipality_code", "duty_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "compliance_evaluation" ("day" date NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "changes" integer, CONSTRAINT "PK_88715c614c04c9589c57a086c47" PRIMARY KEY ("day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "roles" character varying array NOT NULL DEFAULT '{}', "municipality_code" character varying(6), "subject_type" character varying(30) NOT NULL, "subject_id" character varying(100) NOT NULL, "title" character varying(300) NOT NULL, "message" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "dedupe_key" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_dedupe_key" UNIQUE ("organisation_id", "dedupe_key"), CONSTRAINT "notification_kind" CHECK (kind IN ('COVERAGE_ENDING', 'NON_COMPLIANT', 'COMPLIANT_AGAIN', 'INVOICE_OVERDUE')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_organisation_time_idx" ON "notification"  ("organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_read" ("notification_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fbd2cd09eea11fef350670afcdf" PRIMARY KEY ("notification_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_subscription" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "events" character varying array NOT NULL, "description" character varying(200), "secret" character varying(100) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b52cb4811c5ada4f42896c37ba8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_subscription_organisation_idx" ON "webhook_subscription"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subscription_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "event" character varying(50) NOT NULL, "event_id" uuid NOT NULL, "payload" jsonb NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_response_status" integer, "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_delivery_status" CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_delivery_subscription_idx" ON "webhook_delivery"  ("subscription_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "service_statistic" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "channels" jsonb NOT NULL, "topics" jsonb NOT NULL DEFAULT '[]', "source" character varying(300), "recorded_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "service_statistic_period_key" UNIQUE ("provider_id", "period_start", "period_end"), CONSTRAINT "service_statistic_period" CHECK (period_end >= period_start), CONSTRAINT "PK_6cc83e4e12800fbb19db7fe00d7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "service_statistic_provider_idx" ON "service_statistic"  ("provider_id") `);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_read" ADD CONSTRAINT "notification_read_notification_fk" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_subscription" ADD CONSTRAINT "webhook_subscription_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_subscription_fk" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_statistic" ADD CONSTRAINT "service_statistic_provider_fk" FOREIGN KEY ("provider_id") REFERENCES "provider"("organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "service_statistic" DROP CONSTRAINT "service_statistic_provider_fk"`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "webhook_delivery_subscription_fk"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_subscription" DROP CONSTRAINT "webhook_subscription_organisation_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "notification_read" DROP CONSTRAINT "notification_read_notification_fk"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_organisation_fk"`);
    await queryRunner.query(`DROP INDEX "public"."service_statistic_provider_idx"`);
    await queryRunner.query(`DROP TABLE "service_statistic"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_delivery_subscription_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_subscription_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_subscription"`);
    await queryRunner.query(`DROP TABLE "notification_read"`);
    await queryRunner.query(`DROP INDEX "public"."notification_organisation_time_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TABLE "compliance_evaluation"`);
    await queryRunner.query(`DROP TABLE "obligation_state"`);
  }
}
