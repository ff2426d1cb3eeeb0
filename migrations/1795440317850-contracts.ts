import { MigrationInterface, QueryRunner } from 'typeorm';

export class Contracts1795440317850 implements MigrationInterface {
  name = 'Contracts1795440317850';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "duty" ("code" character varying(50) NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL, "legal_basis" character varying(200) NOT NULL, "in_force_from" date NOT NULL, "counting_channels" character varying array NOT NULL, "continuous_availability" boolean NOT NULL, CONSTRAINT "PK_ccb78d20143e6e936efd194a3c5" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "provider" ("organisation_id" uuid NOT NULL, "legal_name" character varying(200) NOT NULL, "kvk_number" character varying(8) NOT NULL, "vat_id" character varying(20), "iban" character varying(34) NOT NULL, "street" character varying(200) NOT NULL, "postal_code" character varying(10) NOT NULL, "city" character varying(100) NOT NULL, "country_code" character varying(2) NOT NULL DEFAULT 'NL', "email" character varying(254), "invoice_prefix" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "provider_invoice_prefix_key" UNIQUE ("invoice_prefix"), CONSTRAINT "provider_invoice_prefix_format" CHECK (invoice_prefix ~ '^[A-Z]{2,10}$'), CONSTRAINT "provider_kvk_format" CHECK (kvk_number ~ '^[0-9]{8}$'), CONSTRAINT "PK_538552bbdf054db64fd2b2dbd76" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "contract" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" character varying(50) NOT NULL, "title" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "duty_code" character varying(50) NOT NULL, "contracting_organisation_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date, "funding_model" character varying(20) NOT NULL, "billing_frequency" character varying(30) NOT NULL DEFAULT 'ANNUAL_IN_ADVANCE', "payment_term_days" smallint NOT NULL DEFAULT '30', "reference_date_rule" character varying(40) NOT NULL DEFAULT 'JANUARY_FIRST_PREVIOUS_YEAR', "vat_category" character varying(1) NOT NULL, "vat_rate" numeric(5,2) NOT NULL, "vat_exemption_reason" character varying(300), "terminated_at" TIMESTAMP WITH TIME ZONE, "termination_reason" character varying(500), "activated_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_parties_key" UNIQUE ("id", "contracting_organisation_id", "supplier_id"), CONSTRAINT "contract_reference_key" UNIQUE ("reference"), CONSTRAINT "contract_vat_rate" CHECK (vat_rate >= 0 AND vat_rate <= 100), CONSTRAINT "contract_payment_term" CHECK (payment_term_days BETWEEN 0 AND 365), CONSTRAINT "contract_term" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT "contract_vat_category" CHECK (vat_category IN ('S', 'E', 'O', 'Z')), CONSTRAINT "contract_reference_date_rule" CHECK (reference_date_rule IN ('JANUARY_FIRST_PREVIOUS_YEAR', 'JANUARY_FIRST_SAME_YEAR')), CONSTRAINT "contract_billing_frequency" CHECK (billing_frequency IN ('ANNUAL_IN_ADVANCE', 'QUARTERLY_IN_ADVANCE')), CONSTRAINT "contract_funding_model" CHECK (funding_model IN ('FUND_WITHHOLDING', 'DIRECT_INVOICE', 'CENTRAL_INVOICE')), CONSTRAINT "contract_status" CHECK (status IN ('DRAFT', 'ACTIVE', 'ENDED', 'TERMINATED')), CONSTRAINT "contract_kind" CHECK (kind IN ('COLLECTIVE', 'INDIVIDUAL')), CONSTRAINT "PK_17c3a89f58a2997276084e706e8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "contract_status_idx" ON "contract"  ("status") `);
    await queryRunner.query(
      `CREATE INDEX "contract_contracting_organisation_idx" ON "contract"  ("contracting_organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "contract_supplier_idx" ON "contract"  ("supplier_id") `);
    await queryRunner.query(
      `CREATE TABLE "service" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "duty_code" character varying(50) NOT NULL, "name" character varying(200) NOT NULL, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "service_id_provider_key" UNIQUE ("id", "provider_id"), CONSTRAINT "PK_85a21558c006647cd76fdce044b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "service_provider_idx" ON "service"  ("provider_id") `);
    await queryRunner.query(
      `CREATE TABLE "service_channel" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "contact" character varying(200), "schedule" jsonb NOT NULL, CONSTRAINT "service_channel_id_provider_key" UNIQUE ("id", "provider_id"), CONSTRAINT "service_channel_kind_key" UNIQUE ("service_id", "kind"), CONSTRAINT "service_channel_kind" CHECK (kind IN ('PHONE', 'CHAT', 'EMAIL', 'VIDEO', 'SMS')), CONSTRAINT "PK_b3011513d0c271d33560789ecca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "channel_closure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" character varying(300) NOT NULL, CONSTRAINT "channel_closure_order" CHECK (ends_at > starts_at), CONSTRAINT "PK_0de78f5c7d260cc2bd3c6de1409" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "channel_closure_channel_idx" ON "channel_closure"  ("channel_id") `);
    await queryRunner.query(
      `CREATE TABLE "tariff" ("contract_id" uuid NOT NULL, "contracting_organisation_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "per_inhabitant" numeric(10,4) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, CONSTRAINT "tariff_validity" CHECK (valid_to IS NULL OR valid_to >= valid_from), CONSTRAINT "tariff_positive" CHECK (per_inhabitant > 0), CONSTRAINT "PK_bbeac9df199ea1c22c6dea75c2f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8d4e104107e2c054605a113038" ON "tariff"  ("contract_id") `);
    await queryRunner.query(
      `CREATE TABLE "participation" ("contract_id" uuid NOT NULL, "contracting_organisation_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_code" character varying(6) NOT NULL, "from_date" date NOT NULL, "to_date" date, "origin" character varying(20) NOT NULL DEFAULT 'ENROLMENT', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "participation_period" CHECK (to_date IS NULL OR to_date >= from_date), CONSTRAINT "PK_ba5442bab90fc96ddde456c69e1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7a9feb284cbd4cd7527120d0cc" ON "participation"  ("contract_id") `);
    await queryRunner.query(
      `CREATE INDEX "participation_municipality_idx" ON "participation"  ("municipality_code", "from_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contract_exception" ("contract_id" uuid NOT NULL, "contracting_organisation_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_code" character varying(6) NOT NULL, "kind" character varying(20) NOT NULL, "reason" character varying(500) NOT NULL, "from_date" date NOT NULL, "to_date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_exception_period" CHECK (to_date IS NULL OR to_date >= from_date), CONSTRAINT "contract_exception_kind" CHECK (kind IN ('EXCLUDED', 'OPT_OUT')), CONSTRAINT "PK_979a8aa74a01968f8a0050f5d34" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_315d7e03777bf16430ce0651f1" ON "contract_exception"  ("contract_id") `);
    await queryRunner.query(
      `CREATE TABLE "contract_service" ("contract_id" uuid NOT NULL, "contracting_organisation_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, CONSTRAINT "contract_service_key" UNIQUE ("contract_id", "service_id"), CONSTRAINT "PK_e6d5791da886b9f21174eda7e42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ea6aab66f0f1e3b9748a03b4b5" ON "contract_service"  ("contract_id") `);
    await queryRunner.query(
      `CREATE TABLE "contract_amendment" ("contract_id" uuid NOT NULL, "contracting_organisation_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" integer NOT NULL, "effective_date" date NOT NULL, "reason" character varying(500) NOT NULL, "changes" jsonb NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_amendment_number_key" UNIQUE ("contract_id", "number"), CONSTRAINT "PK_30454b096706a0362be13a60ea7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_73e69a505ce67920e52e455657" ON "contract_amendment"  ("contract_id") `);
    await queryRunner.query(
      `ALTER TABLE "provider" ADD CONSTRAINT "provider_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "contract_duty_fk" FOREIGN KEY ("duty_code") REFERENCES "duty"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "contract_contracting_organisation_fk" FOREIGN KEY ("contracting_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "contract_supplier_fk" FOREIGN KEY ("supplier_id") REFERENCES "provider"("organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service" ADD CONSTRAINT "service_provider_fk" FOREIGN KEY ("provider_id") REFERENCES "provider"("organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service" ADD CONSTRAINT "service_duty_fk" FOREIGN KEY ("duty_code") REFERENCES "duty"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_channel" ADD CONSTRAINT "service_channel_service_fk" FOREIGN KEY ("service_id", "provider_id") REFERENCES "service"("id","provider_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "channel_closure" ADD CONSTRAINT "channel_closure_channel_fk" FOREIGN KEY ("channel_id", "provider_id") REFERENCES "service_channel"("id","provider_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tariff" ADD CONSTRAINT "tariff_contract_fk" FOREIGN KEY ("contract_id", "contracting_organisation_id", "supplier_id") REFERENCES "contract"("id","contracting_organisation_id","supplier_id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "participation_contract_fk" FOREIGN KEY ("contract_id", "contracting_organisation_id", "supplier_id") REFERENCES "contract"("id","contracting_organisation_id","supplier_id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "participation_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_exception" ADD CONSTRAINT "contract_exception_contract_fk" FOREIGN KEY ("contract_id", "contracting_organisation_id", "supplier_id") REFERENCES "contract"("id","contracting_organisation_id","supplier_id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_exception" ADD CONSTRAINT "contract_exception_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_service" ADD CONSTRAINT "contract_service_contract_fk" FOREIGN KEY ("contract_id", "contracting_organisation_id", "supplier_id") REFERENCES "contract"("id","contracting_organisation_id","supplier_id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_service" ADD CONSTRAINT "contract_service_service_fk" FOREIGN KEY ("service_id", "supplier_id") REFERENCES "service"("id","provider_id") ON DELETE RESTRICT ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_amendment" ADD CONSTRAINT "contract_amendment_contract_fk" FOREIGN KEY ("contract_id", "contracting_organisation_id", "supplier_id") REFERENCES "contract"("id","contracting_organisation_id","supplier_id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contract_amendment" DROP CONSTRAINT "contract_amendment_contract_fk"`);
    await queryRunner.query(`ALTER TABLE "contract_service" DROP CONSTRAINT "contract_service_service_fk"`);
    await queryRunner.query(`ALTER TABLE "contract_service" DROP CONSTRAINT "contract_service_contract_fk"`);
    await queryRunner.query(`ALTER TABLE "contract_exception" DROP CONSTRAINT "contract_exception_municipality_fk"`);
    await queryRunner.query(`ALTER TABLE "contract_exception" DROP CONSTRAINT "contract_exception_contract_fk"`);
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "participation_municipality_fk"`);
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "participation_contract_fk"`);
    await queryRunner.query(`ALTER TABLE "tariff" DROP CONSTRAINT "tariff_contract_fk"`);
    await queryRunner.query(`ALTER TABLE "channel_closure" DROP CONSTRAINT "channel_closure_channel_fk"`);
    await queryRunner.query(`ALTER TABLE "service_channel" DROP CONSTRAINT "service_channel_service_fk"`);
    await queryRunner.query(`ALTER TABLE "service" DROP CONSTRAINT "service_duty_fk"`);
    await queryRunner.query(`ALTER TABLE "service" DROP CONSTRAINT "service_provider_fk"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "contract_supplier_fk"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "contract_contracting_organisation_fk"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "contract_duty_fk"`);
    await queryRunner.query(`ALTER TABLE "provider" DROP CONSTRAINT "provider_organisation_fk"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73e69a505ce67920e52e455657"`);
    await queryRunner.query(`DROP TABLE "contract_amendment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ea6aab66f0f1e3b9748a03b4b5"`);
    await queryRunner.query(`DROP TABLE "contract_service"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_315d7e03777bf16430ce0651f1"`);
    await queryRunner.query(`DROP TABLE "contract_exception"`);
    await queryRunner.query(`DROP INDEX "public"."participation_municipality_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7a9feb284cbd4cd7527120d0cc"`);
    await queryRunner.query(`DROP TABLE "participation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8d4e104107e2c054605a113038"`);
    await queryRunner.query(`DROP TABLE "tariff"`);
    await queryRunner.query(`DROP INDEX "public"."channel_closure_channel_idx"`);
    await queryRunner.query(`DROP TABLE "channel_closure"`);
    await queryRunner.query(`DROP TABLE "service_channel"`);
    await queryRunner.query(`DROP INDEX "public"."service_provider_idx"`);
    await queryRunner.query(`DROP TABLE "service"`);
    await queryRunner.query(`DROP INDEX "public"."contract_supplier_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contract_contracting_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contract_status_idx"`);
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`DROP TABLE "provider"`);
    await queryRunner.query(`DROP TABLE "duty"`);
  }
}
