import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key is bound to the first run request it came with, whatever the answer was (a
 * new run, or the existing run of the period): the same key with another request is a 422 ever
 * after (issue 13). Row-level security: the requesting organisation and the operator.
 */
export class RunRequests1796316000000 implements MigrationInterface {
  name = 'RunRequests1796316000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "run_request" ("requested_by_organisation_id" uuid NOT NULL, "idempotency_key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "run_id" uuid, "created_run" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "run_request_pk" PRIMARY KEY ("requested_by_organisation_id", "idempotency_key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "run_request" ADD CONSTRAINT "run_request_run_fk" FOREIGN KEY ("run_id") REFERENCES "invoice_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Keys already used: bound to the runs they made.
    await queryRunner.query(
      `INSERT INTO run_request (requested_by_organisation_id, idempotency_key, request_hash, run_id, created_run, created_at)
       SELECT requested_by_organisation_id, idempotency_key, request_hash, id, true, created_at FROM invoice_run`,
    );
    await queryRunner.query(`ALTER TABLE run_request ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE run_request FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY run_request_tenant ON run_request USING (requested_by_organisation_id = app_org_id() OR app_is_operator()) WITH CHECK (requested_by_organisation_id = app_org_id() OR app_is_operator())`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON run_request TO wmo_application`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "run_request"`);
  }
}
