import { MigrationInterface, QueryRunner } from 'typeorm';

export class Invoicing1795441739251 implements MigrationInterface {
  name = 'Invoicing1795441739251';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "billing_details" ("organisation_id" uuid NOT NULL, "oin" character varying(20), "kvk_number" character varying(8), "street" character varying(200), "postal_code" character varying(10), "city" character varying(100), "invoice_email" character varying(254), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "billing_details_kvk" CHECK (kvk_number IS NULL OR kvk_number ~ '^[0-9]{8}$'), CONSTRAINT "billing_details_oin" CHECK (oin IS NULL OR oin ~ '^[0-9]{20}$'), CONSTRAINT "PK_1cb7b2beb578f775df9278cf4ae" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "purchase_order" ("organisation_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "year" smallint NOT NULL, "number" character varying(50) NOT NULL, CONSTRAINT "purchase_order_pk" PRIMARY KEY ("organisation_id", "contract_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "invoice_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "contracting_organisation_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "reference_date" date NOT NULL, "status" character varying(20) NOT NULL, "progress_done" integer NOT NULL DEFAULT '0', "progress_total" integer NOT NULL DEFAULT '0', "idempotency_key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "requested_by_organisation_id" uuid NOT NULL, "requested_by_user_id" uuid, "gaps" jsonb NOT NULL DEFAULT '[]', "total_cents" bigint NOT NULL DEFAULT '0', "document_count" integer NOT NULL DEFAULT '0', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "invoice_run_idempotency_key" UNIQUE ("requested_by_organisation_id", "idempotency_key"), CONSTRAINT "invoice_run_period_key" UNIQUE ("contract_id", "period_start", "period_end"), CONSTRAINT "invoice_run_status" CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')), CONSTRAINT "PK_dbfc1392f4cb890551364f6f868" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "invoice_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(25) NOT NULL, "number" character varying(40) NOT NULL, "run_id" uuid, "contract_id" uuid NOT NULL, "contracting_organisation_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "customer_organisation_id" uuid NOT NULL, "municipality_code" character varying(6), "credited_document_id" uuid, "period_start" date NOT NULL, "period_end" date NOT NULL, "reference_date" date NOT NULL, "issue_date" date NOT NULL, "due_date" date NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'EUR', "subtotal_cents" bigint NOT NULL, "vat_cents" bigint NOT NULL, "total_cents" bigint NOT NULL, "vat_category" character varying(1) NOT NULL, "vat_rate" numeric(5,2) NOT NULL, "vat_exemption_reason" character varying(300), "purchase_order_number" character varying(50), "payment_term_days" smallint NOT NULL, "note" text, "supplier_snapshot" jsonb NOT NULL, "customer_snapshot" jsonb NOT NULL, "contract_snapshot" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invoice_document_run_participant_key" UNIQUE ("run_id", "municipality_code", "type"), CONSTRAINT "invoice_document_number_key" UNIQUE ("supplier_id", "number"), CONSTRAINT "invoice_document_amounts" CHECK (subtotal_cents >= 0 AND vat_cents >= 0 AND total_cents = subtotal_cents + vat_cents), CONSTRAINT "invoice_document_type" CHECK (type IN ('INVOICE', 'CREDIT_NOTE', 'ALLOCATION_STATEMENT')), CONSTRAINT "PK_11ca9b0b73bf0e82cdfb44a23ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "invoice_document_contract_idx" ON "invoice_document"  ("contract_id", "period_start") `,
    );
    await queryRunner.query(
      `CREATE INDEX "invoice_document_municipality_idx" ON "invoice_document"  ("municipality_code", "issue_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "invoice_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "line_number" smallint NOT NULL, "municipality_code" character varying(6), "description" character varying(500) NOT NULL, "inhabitants" integer NOT NULL, "per_inhabitant" numeric(10,4) NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "days" smallint NOT NULL, "days_in_year" smallint NOT NULL, "amount_cents" bigint NOT NULL, "approximation_note" text, CONSTRAINT "invoice_line_number_key" UNIQUE ("document_id", "line_number"), CONSTRAINT "PK_112d67e85951a56ee5123e9c803" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "document_file" ("document_id" uuid NOT NULL, "pdf" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_451c4ffa00abea5f7e548c91038" PRIMARY KEY ("document_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "document_number_counter" ("issuer_id" uuid NOT NULL, "document_type" character varying(25) NOT NULL, "year" smallint NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "document_number_counter_pk" PRIMARY KEY ("issuer_id", "document_type", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "payment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "amount_cents" bigint NOT NULL, "paid_on" date NOT NULL, "reference" character varying(200) NOT NULL, "recorded_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payment_positive" CHECK (amount_cents > 0), CONSTRAINT "PK_fcaec7df5adf9cac408c686b2ab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "payment_document_idx" ON "payment"  ("document_id") `);
    await queryRunner.query(
      `ALTER TABLE "billing_details" ADD CONSTRAINT "billing_details_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "purchase_order" ADD CONSTRAINT "purchase_order_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "purchase_order" ADD CONSTRAINT "purchase_order_contract_fk" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_run" ADD CONSTRAINT "invoice_run_contract_fk" FOREIGN KEY ("contract_id", "contracting_organisation_id", "supplier_id") REFERENCES "contract"("id","contracting_organisation_id","supplier_id") ON DELETE RESTRICT ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_document" ADD CONSTRAINT "invoice_document_contract_fk" FOREIGN KEY ("contract_id", "contracting_organisation_id", "supplier_id") REFERENCES "contract"("id","contracting_organisation_id","supplier_id") ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_document" ADD CONSTRAINT "invoice_document_run_fk" FOREIGN KEY ("run_id") REFERENCES "invoice_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_document" ADD CONSTRAINT "invoice_document_credited_fk" FOREIGN KEY ("credited_document_id") REFERENCES "invoice_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_document" ADD CONSTRAINT "invoice_document_customer_fk" FOREIGN KEY ("customer_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_document_fk" FOREIGN KEY ("document_id") REFERENCES "invoice_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_file" ADD CONSTRAINT "document_file_document_fk" FOREIGN KEY ("document_id") REFERENCES "invoice_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment" ADD CONSTRAINT "payment_document_fk" FOREIGN KEY ("document_id") REFERENCES "invoice_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payment" DROP CONSTRAINT "payment_document_fk"`);
    await queryRunner.query(`ALTER TABLE "document_file" DROP CONSTRAINT "document_file_document_fk"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "invoice_line_document_fk"`);
    await queryRunner.query(`ALTER TABLE "invoice_document" DROP CONSTRAINT "invoice_document_customer_fk"`);
    await queryRunner.query(`ALTER TABLE "invoice_document" DROP CONSTRAINT "invoice_document_credited_fk"`);
    await queryRunner.query(`ALTER TABLE "invoice_document" DROP CONSTRAINT "invoice_document_run_fk"`);
    await queryRunner.query(`ALTER TABLE "invoice_document" DROP CONSTRAINT "invoice_document_contract_fk"`);
    await queryRunner.query(`ALTER TABLE "invoice_run" DROP CONSTRAINT "invoice_run_contract_fk"`);
    await queryRunner.query(`ALTER TABLE "purchase_order" DROP CONSTRAINT "purchase_order_contract_fk"`);
    await queryRunner.query(`ALTER TABLE "purchase_order" DROP CONSTRAINT "purchase_order_organisation_fk"`);
    await queryRunner.query(`ALTER TABLE "billing_details" DROP CONSTRAINT "billing_details_organisation_fk"`);
    await queryRunner.query(`DROP INDEX "public"."payment_document_idx"`);
    await queryRunner.query(`DROP TABLE "payment"`);
    await queryRunner.query(`DROP TABLE "document_number_counter"`);
    await queryRunner.query(`DROP TABLE "document_file"`);
    await queryRunner.query(`DROP TABLE "invoice_line"`);
    await queryRunner.query(`DROP INDEX "public"."invoice_document_municipality_idx"`);
    await queryRunner.query(`DROP INDEX "public"."invoice_document_contract_idx"`);
    await queryRunner.query(`DROP TABLE "invoice_document"`);
    await queryRunner.query(`DROP TABLE "invoice_run"`);
    await queryRunner.query(`DROP TABLE "purchase_order"`);
    await queryRunner.query(`DROP TABLE "billing_details"`);
  }
}
